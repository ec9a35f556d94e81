using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Osaamismerkit.Assessments;
using Osaamismerkit.Infrastructure.Auditing;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Infrastructure.Http;
using Osaamismerkit.Issuing;
using Osaamismerkit.OpenBadges;
using Osaamismerkit.Resources;
using Osaamismerkit.Staff;
using Osaamismerkit.Wallet;

namespace Osaamismerkit.Clients;

/// <summary>GDPR access (export) and erasure for one client.</summary>
public static class PersonalDataEndpoints
{
    public const string ErasureReason = "erased at the client's request";

    public const string ErasedName = "—";


    public static IEndpointRouteBuilder MapPersonalData(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/clients/{id}/export", Export).WithTags("Clients").WithName("ExportClientData").RequireAuthorization(Policies.Instructor);
        app.MapPost("/api/clients/{id}/erase", Erase).WithTags("Clients").WithName("EraseClient").RequireAuthorization(Policies.Admin);
        return app;
    }

    private static async Task<Results<Ok<ClientDataExport>, ProblemHttpResult>> Export(
        string id, ClaimsPrincipal user, [AsParameters] PersonalDataEndpointServices services, CancellationToken cancellationToken)
    {
        var (access, protector, database, audit, clock, text) = services;
        var client = await access.FindAsync(id, user, cancellationToken);
        if (client is null)
        {
            return Problems.NotFound(text, text["ClientNotFound"]);
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var export = new ClientDataExport(
            clock.GetUtcNow(),
            new ClientView(client.Id, client.DisplayName, protector.Unprotect(client.EmailProtected), protector.Unprotect(client.PhoneProtected),
                client.PreferredLanguage, client.UnitId, client.MunicipalityCode, client.ShareName, client.CreatedAt, client.UpdatedAt),
            await AssessmentQueries.ExportOfClientAsync(transaction, id, cancellationToken),
            await AssertionQueries.ExportOfClientAsync(transaction, id, cancellationToken),
            ExportRows.Of(await WalletLinkQueries.OfClientAsync(transaction, id, cancellationToken)),
            ExportRows.Of(await AuditQueries.OfClientAsync(transaction, id, cancellationToken)));
        await audit.AppendAsync(transaction, user.ToActor(), new AuditEntry("client.exported", "client", id), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(export);
    }

    /// <summary>
    /// Removes the client's personal data but keeps the facts the county must keep: revoked assertion ids on the
    /// public revocation list, assessment outcomes for statistics, and the audit trail (ids only).
    /// </summary>
    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Erase(
        string id, ClientErasureRequest request, ClaimsPrincipal user, [AsParameters] PersonalDataEndpointServices services, CancellationToken cancellationToken)
    {
        var (access, _, database, audit, clock, text) = services;
        if (await access.FindAsync(id, user, cancellationToken) is null)
        {
            return Problems.NotFound(text, text["ClientNotFound"]);
        }

        if (request.ConfirmClientId != id)
        {
            var errors = new FieldErrors();
            errors.Add("confirmClientId", text["ErasureNotConfirmed"]);
            return Problems.Validation(text, errors.ToDictionary());
        }

        var actor = user.ToActor();
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var assertions = await AssertionQueries.DocumentsOfClientAsync(transaction, id, cancellationToken);
        foreach (var assertion in assertions)
        {
            await Revocations.RevokeAsync(transaction, audit, actor, assertion.Id, ErasureReason, now, cancellationToken);
            await AssertionQueries.EraseDocumentAsync(transaction, assertion.Id, Stripped(assertion.Json), cancellationToken);
        }

        await ClientQueries.EraseAsync(transaction, id, ErasedName, now, cancellationToken);
        await AssessmentQueries.EraseEvidenceAsync(transaction, id, cancellationToken);
        await WalletLinkQueries.RevokeActiveAsync(transaction, id, now, actor.Id, cancellationToken);
        await audit.AppendAsync(transaction, actor, new AuditEntry("client.erased", "client", id), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>The public assertion document without the recipient hash or the evidence narrative.</summary>
    private static string Stripped(string json)
    {
        var source = JsonNode.Parse(json)!.AsObject();
        var kept = new JsonObject();
        foreach (var name in new[] { "@context", "type", "id", "badge", "issuedOn", "expires" })
        {
            if (source[name] is { } value)
            {
                kept[name] = value.DeepClone();
            }
        }

        return kept.ToJsonString(ObJson.Options);
    }
}
