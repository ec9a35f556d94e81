using System.Security.Claims;
using Osaamismerkit.Infrastructure.Auditing;

namespace Osaamismerkit.Staff;

public static class StaffPrincipal
{
    /// <summary>The stable subject id: Entra's object id when present, else the standard sub claim.</summary>
    public static string SubjectId(this ClaimsPrincipal user) =>
        user.FindFirstValue("oid")
        ?? user.FindFirstValue("http://schemas.microsoft.com/identity/claims/objectidentifier")
        ?? user.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? user.FindFirstValue("sub")
        ?? throw new InvalidOperationException("The signed-in user has no subject id.");

    public static Actor ToActor(this ClaimsPrincipal user) =>
        new(user.SubjectId(), user.IsInRole(Roles.Admin) ? Roles.Admin : user.IsInRole(Roles.Instructor) ? Roles.Instructor : Roles.ProjectStaff);

    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(Roles.Admin);
}
