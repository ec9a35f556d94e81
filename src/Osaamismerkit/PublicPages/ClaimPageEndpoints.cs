using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Osaamismerkit.Infrastructure.Localization;
using Osaamismerkit.Infrastructure.Security;
using Osaamismerkit.Issuing;
using Osaamismerkit.OpenBadges;

namespace Osaamismerkit.PublicPages;

/// <summary>
/// The claim page printed on a placeholder's certificate: the client types the code and an e-mail address and the badge
/// becomes theirs. The same claim as <c>POST /api/claims</c>, for people without an app; anonymous on purpose.
/// </summary>
public static class ClaimPageEndpoints
{
    /// <summary>The address the certificate prints.</summary>
    public const string Path = "/claim";

    public static IEndpointRouteBuilder MapClaimPage(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, Show).WithTags("Public pages").WithName("ClaimPage").ExcludeFromDescription()
            .AllowAnonymous().RequireRateLimiting(RateLimits.Public);
        // Each post tests one guess of a code: the claim API's own policy, so the page and the API draw on one budget.
        app.MapPost(Path, Claim).WithTags("Public pages").WithName("ClaimPageClaim").ExcludeFromDescription()
            .AllowAnonymous().RequireRateLimiting(RateLimits.Guessing);
        return app;
    }

    private static RazorComponentResult<ClaimPage> Show(HttpContext context, IAntiforgery antiforgery) =>
        Render(context, PageText.In(Languages.Of(context)), new ClaimPageModel(PublicForms.Token(context, antiforgery)));

    private static async Task<IResult> Claim(HttpContext context, IAntiforgery antiforgery, BadgeClaims claims, CancellationToken cancellationToken)
    {
        var text = PageText.In(Languages.Of(context));
        var form = await PublicForms.ReadAsync(context, antiforgery, cancellationToken);
        var model = new ClaimPageModel(PublicForms.Token(context, antiforgery), form?["code"].ToString().Trim() ?? string.Empty, form?["email"].ToString().Trim() ?? string.Empty);
        if (form is null)
        {
            return Render(context, text, model with { FormExpired = true }, StatusCodes.Status400BadRequest);
        }

        var input = ClaimInput.Read(model.Code, model.Email);
        if (input.Errors.Count > 0)
        {
            return Render(context, text, model with { Errors = input.Errors.ToDictionary(e => e.Key, e => text.Message(e.Value), StringComparer.Ordinal) },
                StatusCodes.Status400BadRequest);
        }

        if (await claims.ByCodeAsync(input.Code!, input.Email!, cancellationToken) is not { } claimed)
        {
            // The API's 404, at the field the person has to fix.
            return Render(context, text, model with { Errors = new Dictionary<string, string> { ["code"] = text.Message(ClaimInput.NotFoundMessage) } },
                StatusCodes.Status404NotFound);
        }

        // 303: the browser loads the new badge with GET, so a reload does not post the used code again.
        context.Response.Headers.Location = $"/b/{ShortIds.Encode(claimed.AssertionId)}?lang={text.Language}&claimed=1";
        return TypedResults.StatusCode(StatusCodes.Status303SeeOther);
    }

    private static RazorComponentResult<ClaimPage> Render(HttpContext context, PageText text, ClaimPageModel model, int status = StatusCodes.Status200OK)
    {
        // The page carries a fresh form token and, after a post, what was typed: neither belongs in a cache.
        context.Response.Headers.CacheControl = "no-cache, no-store";
        return new RazorComponentResult<ClaimPage>(new { Model = model, Text = text }) { StatusCode = status };
    }
}
