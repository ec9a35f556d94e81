using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Osaamismerkit.Clients;
using Osaamismerkit.Infrastructure.Http;
using Osaamismerkit.Infrastructure.Localization;
using Osaamismerkit.PublicPages;
using Osaamismerkit.Resources;
using Osaamismerkit.Staff;
using Osaamismerkit.Verification;

namespace Osaamismerkit.Wallet;

/// <summary>Staff give a client their private wallet link, replace it when it leaks, or close it.</summary>
public static class WalletLinkEndpoints
{
    public static IEndpointRouteBuilder MapWalletLinks(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/clients/{id}/wallet-link").WithTags("Wallet").RequireAuthorization(Policies.Instructor);
        api.MapPost("", Rotate).WithName("RotateWalletLink");
        api.MapDelete("", Revoke).WithName("RevokeWalletLink");
        api.MapGet("", Status).WithName("GetWalletLinkStatus");
        return app;
    }

    private static async Task<Results<Created<WalletLinkCreated>, ProblemHttpResult>> Rotate(
        string id, HttpContext context, ClaimsPrincipal user, ClientAccess clients, WalletLinks links, PublicUrls urls,
        IStringLocalizer<Messages> messages, CancellationToken cancellationToken)
    {
        if (await clients.FindAsync(id, user, cancellationToken) is null)
        {
            return Problems.NotFound(messages, messages["ClientNotFound"]);
        }

        if (await links.RotateAsync(id, user.ToActor(), cancellationToken) is not { } link)
        {
            var text = PageText.In(Languages.Of(context));
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: text["WalletLinkConflictTitle"]);
        }

        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created(
            $"/api/clients/{id}/wallet-link",
            new WalletLinkCreated(id, urls.Absolute("/w/" + link.Token), link.CreatedAt, link.ReplacedPrevious));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Revoke(
        string id, HttpContext context, ClaimsPrincipal user, ClientAccess clients, WalletLinks links,
        IStringLocalizer<Messages> messages, CancellationToken cancellationToken)
    {
        if (await clients.FindAsync(id, user, cancellationToken) is null)
        {
            return Problems.NotFound(messages, messages["ClientNotFound"]);
        }

        if (!await links.RevokeAsync(id, user.ToActor(), cancellationToken))
        {
            return Problems.NotFound(messages, PageText.In(Languages.Of(context))["WalletLinkNotActive"]);
        }

        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<WalletLinkStatus>, ProblemHttpResult>> Status(
        string id, ClaimsPrincipal user, ClientAccess clients, WalletLinks links, IStringLocalizer<Messages> messages, CancellationToken cancellationToken)
    {
        if (await clients.FindAsync(id, user, cancellationToken) is null)
        {
            return Problems.NotFound(messages, messages["ClientNotFound"]);
        }

        var since = await links.ActiveSinceAsync(id, cancellationToken);
        return TypedResults.Ok(new WalletLinkStatus(id, since is not null, since));
    }
}
