using System.Security.Claims;
using System.Text.Json.Nodes;
using Dapper;
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

namespace Osaamismerkit.Clients;

/// <summary>GDPR access (export) and erasure for one client.</summary>
public static class PersonalDataEndpoints
{
    public const string ErasureReason = "erased at the client's request";

    public const string ErasedName = "—";

    private const string WalletLinks = "SELECT id, created_at, revoked_at FROM wallet_links WHERE client_id = @Id ORDER BY created_at";

    private const string AuditOfClient = """
        SELECT occurred_at, actor_role, action, entity_type, entity_id, detail FROM audit_log
        WHERE entity_id = @Id
           OR entity_id IN (SELECT id FROM assessments WHERE client_id = @Id)
           OR entity_id IN (SELECT id FROM assertions WHERE client_id = @Id)
        ORDER BY occurred_at
        """;

    private const string EraseClient = """
        UPDATE clients SET display_name = @Name, email_protected = NULL, phone_protected = NULL,
                           email_hash = NULL, phone_hash = NULL, contact_hash_key = NULL, share_name = 0, updated_at = @Now
        WHERE id = @Id
        """;

    private const string RevokeWalletLinks = "UPDATE wallet_links SET revoked_at = @Now, revoked_by = @By WHERE client_id = @Id AND revoked_at IS NULL";

    public static IEndpointRouteBuilder MapPersonalData(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/clients/{id}/export", Export).WithTags("Clients").WithName("ExportClientData").RequireAuthorization(Policies.Instructor);
        app.MapPost("/api/clients/{id}/erase", Erase).WithTags("Clients").WithName("EraseClient").RequireAuthorization(Policies.Admin);
        return app;
    }

    private static async Task<Results<Ok<ClientDataExport>, ProblemHttpResult>> Export(
        string id, ClaimsPrincipal user, ClientAccess access, ContactProtector protector, Database database, AuditLog audit,
        TimeProvider clock, IStringLocalizer<Messages> text, CancellationToken cancellationToken)
    {
        var client = await access.FindAsync(id, user, cancellationToken);
        if (client is null)
        {
            return Problems.NotFound(text, text["ClientNotFound"]);
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        async Task<IReadOnlyList<IDictionary<string, object?>>> Rows(string sql) =>
            (await connection.QueryAsync(new CommandDefinition(sql, new { Id = id }, transaction, cancellationToken: cancellationToken)))
                .Select(r => (IDictionary<string, object?>)new Dictionary<string, object?>((IDictionary<string, object?>)r))
                .ToList();

        var export = new ClientDataExport(
            clock.GetUtcNow(),
            new ClientView(client.Id, client.DisplayName, protector.Unprotect(client.EmailProtected), protector.Unprotect(client.PhoneProtected),
                client.PreferredLanguage, client.UnitId, client.MunicipalityCode, client.ShareName, client.CreatedAt, client.UpdatedAt),
            await AssessmentQueries.ExportOfClientAsync(transaction, id, cancellationToken),
            await AssertionQueries.ExportOfClientAsync(transaction, id, cancellationToken),
            await Rows(WalletLinks),
            await Rows(AuditOfClient));
        await audit.AppendAsync(transaction, user.ToActor(), new AuditEntry("client.exported", "client", id), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(export);
    }

    /// <summary>
    /// Removes the client's personal data but keeps the facts the county must keep: revoked assertion ids on the
    /// public revocation list, assessment outcomes for statistics, and the audit trail (ids only).
    /// </summary>
    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Erase(
        string id, ClientErasureRequest request, ClaimsPrincipal user, ClientAccess access, Database database, AuditLog audit,
        TimeProvider clock, IStringLocalizer<Messages> text, CancellationToken cancellationToken)
    {
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
        Task<int> Execute(string sql, object parameters) =>
            connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));

        var assertions = await AssertionQueries.DocumentsOfClientAsync(transaction, id, cancellationToken);
        foreach (var assertion in assertions)
        {
            await Revocations.RevokeAsync(transaction, audit, actor, assertion.Id, ErasureReason, now, cancellationToken);
            await AssertionQueries.EraseDocumentAsync(transaction, assertion.Id, Stripped(assertion.Json), cancellationToken);
        }

        await Execute(EraseClient, new { Id = id, Name = ErasedName, Now = now });
        await AssessmentQueries.EraseEvidenceAsync(transaction, id, cancellationToken);
        await Execute(RevokeWalletLinks, new { Id = id, Now = now, By = actor.Id });
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
