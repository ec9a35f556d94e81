using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Osaamismerkit.Catalogue;
using Osaamismerkit.Clients;
using Osaamismerkit.Infrastructure.Auditing;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Infrastructure.Http;
using Osaamismerkit.Infrastructure.Localization;
using Osaamismerkit.Infrastructure.Security;
using Osaamismerkit.Infrastructure.Signing;
using Osaamismerkit.OpenBadges;
using Osaamismerkit.Resources;
using Osaamismerkit.Staff;

namespace Osaamismerkit.Issuing;

public static class IssuingEndpoints
{
    private const string RevokeDescription =
        "reason: a code from the published list (issued_in_error, criteria_not_met, replaced, holder_request, other); only the "
        + "code's wording is published, on the public badge page and in the revocation list. A free text sent as reason (older "
        + "callers) is taken as 'other' with the text kept as the internal note. internalNote (optional): for staff of the "
        + "client's units only, never published; identity codes are refused. Do not write health details in either.";

    public static IEndpointRouteBuilder MapIssuing(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/assertions/{id:guid}/revoke", Revoke).WithTags("Issuing").WithName("RevokeAssertion").WithDescription(RevokeDescription)
            .RequireAuthorization(Policies.Instructor);
        app.MapGet("/api/clients/{id}/badges", ClientBadges).WithTags("Issuing").WithName("ListClientBadges").RequireAuthorization(Policies.Instructor);
        app.MapPost("/api/admin/signing-keys/rotate", RotateKey).WithTags("Admin").WithName("RotateSigningKey").RequireAuthorization(Policies.Admin);
        // Clients claim with the code printed on their certificate: no account, so anonymous on purpose.
        app.MapPost("/api/claims", Claim).WithTags("Issuing").WithName("ClaimBadge").AllowAnonymous().RequireRateLimiting(RateLimits.Guessing);
        return app;
    }

    private static async Task<Results<Ok<RevocationResult>, ValidationProblem, ProblemHttpResult>> Revoke(
        Guid id, RevokeRequest request, ClaimsPrincipal user, Database database, ClientAccess clients, AuditLog audit, ClientMessages.Outbox outbox,
        TimeProvider clock, IStringLocalizer<Messages> text, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await AssertionQueries.FindAsync(connection, id.ToString(), cancellationToken);
        if (row is null || await clients.FindAsync(row.ClientId, user, cancellationToken) is null)
        {
            return Problems.NotFound(text, text["AssertionNotFound"]);
        }

        var errors = new FieldErrors();
        if (Revocations.Check(request.Reason, request.InternalNote, errors, text) is not { } valid)
        {
            return Problems.Validation(text, errors.ToDictionary());
        }

        var now = clock.GetUtcNow();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await Clients.ClientQueries.LockAsync(transaction, row.ClientId, cancellationToken);
        if (!await Revocations.RevokeAsync(transaction, audit, user.ToActor(), row.Id, valid.Reason, now, cancellationToken, valid.InternalNote))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: text["AlreadyRevoked"]);
        }

        await outbox.QueueAsync(transaction, row.ClientId, row.Id, row.BadgeId, ClientMessages.MessageKinds.Revoked, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outbox.WakeSender();
        return TypedResults.Ok(new RevocationResult(row.Id, now, valid.Reason, valid.InternalNote));
    }

    private static async Task<Results<Ok<IReadOnlyList<ClientBadge>>, ProblemHttpResult>> ClientBadges(
        string id, HttpContext context, ClaimsPrincipal user, Database database, ClientAccess clients, Catalogue.BadgeCatalogue catalogue,
        ObUrls urls, ContactProtector protector, TimeProvider clock, IStringLocalizer<Messages> text, CancellationToken cancellationToken)
    {
        if (await clients.FindAsync(id, user, cancellationToken) is null)
        {
            return Problems.NotFound(text, text["ClientNotFound"]);
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await AssertionQueries.OfClientAsync(connection, id, cancellationToken);
        var language = Languages.Of(context);
        var now = clock.GetUtcNow();
        IReadOnlyList<ClientBadge> badges = rows.Select(r =>
        {
            var definition = catalogue.Find(r.BadgeId);
            var status = AssertionStatus.Of(r.RevokedAt, r.Expires, now);
            var assertionId = Guid.Parse(r.Id);
            return new ClientBadge(
                r.Id, r.BadgeId, r.BadgeVersion, definition?.Name.In(language) ?? r.BadgeId, definition?.Level ?? 0,
                definition?.Kind == BadgeKind.Milestone ? "milestone" : "skill", r.RecipientType, r.IssuedOn, r.Expires, status,
                r.RevocationReason, urls.PublicPage(assertionId),
                status == AssertionStatus.Revoked ? null : protector.Unprotect(r.ClaimCodeProtected));
        }).ToList();
        return TypedResults.Ok(badges);
    }

    private static async Task<Ok<SigningKeyView>> RotateKey(ClaimsPrincipal user, SigningKeyStore keys, ObUrls urls, CancellationToken cancellationToken)
    {
        var key = await keys.RotateAsync(user.ToActor(), cancellationToken);
        return TypedResults.Ok(new SigningKeyView(key.Id, urls.Key(key.Id)));
    }

    private static async Task<Results<Ok<ClaimResult>, ValidationProblem, ProblemHttpResult>> Claim(
        ClaimRequest request, BadgeClaims claims, ObUrls urls, IStringLocalizer<Messages> text, CancellationToken cancellationToken)
    {
        var input = ClaimInput.Read(request.Code, request.Email);
        if (input.Errors.Count > 0)
        {
            return Problems.Validation(text, input.Errors.ToDictionary(e => e.Key, e => new[] { text[e.Value].Value }, StringComparer.Ordinal));
        }

        var claimed = await claims.ByCodeAsync(input.Code!, input.Email!, cancellationToken);
        return claimed is null
            ? Problems.NotFound(text, text[ClaimInput.NotFoundMessage])
            : TypedResults.Ok(new ClaimResult(claimed.AssertionId.ToString(), claimed.BadgeId, urls.PublicPage(claimed.AssertionId), claimed.ReplacedAssertionId.ToString()));
    }
}
