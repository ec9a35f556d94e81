using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Osaamismerkit.Infrastructure.Localization;
using Osaamismerkit.PublicPages;
using Osaamismerkit.Resources;
using Osaamismerkit.Staff;
using Osaamismerkit.StaffUi.Components;
using Osaamismerkit.StaffUi.Drafts;
using Osaamismerkit.StaffUi.Forms;

namespace Osaamismerkit.StaffUi;

/// <summary>
/// What a staff page does when authorization fails, instead of a bare challenge or 403:
/// <list type="bullet">
/// <item>A form marked <see cref="KeepsDraft"/> that arrives after the sign-in has run out would be answered with a
/// challenge and the browser would drop its body. Its fields are kept first, and a plain page says so with one link back
/// to the same form with the draft's id: that GET signs in the usual way and comes back to the restored form. A link
/// rather than a redirect, because a redirect from a form post to the identity provider breaks the CSP's form-action.</item>
/// <item>Project staff opening the start page go to the reports; anyone else lacking the role gets a plain page saying so.</item>
/// <item>An address no endpoint answers falls under the fallback policy and would start a sign-in: every browser's
/// /favicon.ico, a crawler's guess, a mistyped badge link would each make a pushed authorization request to the
/// identity provider. Outside /staff such a request gets the friendly 404 page (problem details under /api).</item>
/// </list>
/// Everything else goes to the handler that was registered before.
/// </summary>
public sealed class StaffAuthorizationResultHandler(
    IAuthorizationMiddlewareResultHandler inner,
    DraftStore drafts,
    FormTickets tickets,
    IOptions<AntiforgeryOptions> antiforgery) : IAuthorizationMiddlewareResultHandler
{
    public const string DraftQueryKey = "draft";

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged && context.GetEndpoint() is null && !context.Request.Path.StartsWithSegments(StaffPaths.Home))
        {
            await UnknownAddress(context).ExecuteAsync(context);
            return;
        }

        var metadata = context.GetEndpoint()?.Metadata;
        if (authorizeResult.Challenged
            && HttpMethods.IsPost(context.Request.Method)
            && metadata?.GetMetadata<KeepsDraft>() is not null
            && await KeepAsync(context) is { } restore)
        {
            context.Response.Headers.CacheControl = "no-store";
            var page = StaffPage.For(context, context.RequestServices.GetRequiredService<IAntiforgery>());
            await StaffResults.Page<DraftKeptPage>(new { Page = page, Restore = restore }, StatusCodes.Status401Unauthorized).ExecuteAsync(context);
            return;
        }

        if (authorizeResult.Forbidden && metadata?.GetMetadata<StaffPageMarker>() is not null)
        {
            if (metadata.GetMetadata<StaffHomeMarker>() is not null && context.User.IsInRole(Roles.ProjectStaff))
            {
                await TypedResults.Redirect(StaffPaths.Reports).ExecuteAsync(context);
                return;
            }

            // The language links lead to the start page: the path itself may hold a client's id.
            var page = StaffPage.For(context, context.RequestServices.GetRequiredService<IAntiforgery>()) with { Path = StaffPaths.Home };
            await StaffResults.Page<StaffForbiddenPage>(new { Page = page }, StatusCodes.Status403Forbidden).ExecuteAsync(context);
            return;
        }

        await inner.HandleAsync(next, context, policy, authorizeResult);
    }

    private static IResult UnknownAddress(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api")
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: context.RequestServices.GetRequiredService<IStringLocalizer<Messages>>()["NotFoundTitle"])
            : PublicBadgeEndpoints.NotFoundPage(context, PageText.In(Languages.Of(context)));

    private async Task<string?> KeepAsync(HttpContext context)
    {
        var form = await StaffForms.ReadUntrustedAsync(context, context.RequestAborted);
        if (form is null || tickets.Read(form[FormTickets.FieldName]) is not { } ticket)
        {
            return null;
        }

        var fields = form
            .Where(f => f.Key != FormTickets.FieldName && f.Key != antiforgery.Value.FormFieldName && f.Key != DraftQueryKey)
            .ToDictionary(f => f.Key, f => f.Value.Where(v => v is not null).Select(v => v!).ToArray(), StringComparer.Ordinal);
        var path = context.Request.Path.Value ?? "/";
        var id = await drafts.SaveAsync(new StaffDraft(ticket.Subject, path, ticket.Key, fields), context.RequestAborted);
        return $"{context.Request.PathBase}{path}?{DraftQueryKey}={id}";
    }
}
