using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Osaamismerkit.Assessments;
using Osaamismerkit.Baseline;
using Osaamismerkit.ClientMessages;
using Osaamismerkit.Infrastructure.Auditing;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Infrastructure.Http;
using Osaamismerkit.Issuing;
using Osaamismerkit.Resources;
using Osaamismerkit.Staff;
using Osaamismerkit.Wallet;

namespace Osaamismerkit.Clients;

/// <summary>GDPR access (export) and erasure for one client.</summary>
public static class PersonalDataEndpoints
{
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
        // The client's lock before the reads: an issuance, revocation or erasure for this client cannot land between the
        // tables read here (on SQL Server each SELECT would otherwise see its own moment), so the export is one state.
        await ClientQueries.LockAsync(transaction, id, cancellationToken);
        var export = new ClientDataExport(
            clock.GetUtcNow(),
            ClientView.Of(client, protector),
            await AssessmentQueries.ExportOfClientAsync(transaction, id, cancellationToken),
            await AssertionQueries.ExportOfClientAsync(transaction, id, cancellationToken),
            await BaselineQueries.ExportOfClientAsync(transaction, id, cancellationToken),
            ExportRows.Of(await WalletLinkQueries.OfClientAsync(transaction, id, cancellationToken)),
            ExportRows.Of(await AuditQueries.OfClientAsync(transaction, id, cancellationToken)))
        {
            Messages = ExportRows.Of(await OutboxQueries.OfClientAsync(transaction, id, cancellationToken)),
        };
        await audit.AppendAsync(transaction, user.ToActor(), new AuditEntry("client.exported", "client", id), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(export);
    }

    /// <summary>Erasure itself is <see cref="ClientErasure"/>; here only who may ask and the typed confirmation.</summary>
    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Erase(
        string id, ClientErasureRequest request, ClaimsPrincipal user, ClientErasure erasure, [AsParameters] PersonalDataEndpointServices services,
        CancellationToken cancellationToken)
    {
        var (access, _, _, _, _, text) = services;
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

        await erasure.EraseAsync(id, user.ToActor(), cancellationToken);
        return TypedResults.NoContent();
    }
}
