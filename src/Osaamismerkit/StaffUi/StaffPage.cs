using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Osaamismerkit.Infrastructure.Localization;
using Osaamismerkit.PublicPages;
using Osaamismerkit.Staff;
using Osaamismerkit.Verification;

namespace Osaamismerkit.StaffUi;

/// <summary>What every staff page needs: its texts, its own path for the language links, who is signed in, and a form token.</summary>
public sealed record StaffPage(StaffText Text, string Path, bool SignedIn, string UserName, bool IsInstructor, bool SeesReports, FormToken Form)
{
    public static StaffPage For(HttpContext context, IAntiforgery antiforgery)
    {
        var user = context.User;
        return new StaffPage(
            StaffText.In(Languages.Of(context)),
            context.Request.Path.Value ?? "/",
            user.Identity?.IsAuthenticated == true,
            DisplayName(user),
            user.IsInRole(Roles.Instructor) || user.IsInRole(Roles.Admin),
            user.IsInRole(Roles.ProjectStaff) || user.IsInRole(Roles.Admin),
            FormToken.From(antiforgery.GetAndStoreTokens(context)));
    }

    private static string DisplayName(ClaimsPrincipal user) =>
        user.FindFirstValue("name") ?? user.FindFirstValue(ClaimTypes.Name) ?? user.FindFirstValue("preferred_username") ?? string.Empty;
}
