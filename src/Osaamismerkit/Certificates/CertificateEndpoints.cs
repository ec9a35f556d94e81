using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Osaamismerkit.Clients;
using Osaamismerkit.Infrastructure.Auditing;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Infrastructure.Http;
using Osaamismerkit.Resources;
using Osaamismerkit.Staff;

namespace Osaamismerkit.Certificates;

public static class CertificateEndpoints
{
    private const string PdfType = "application/pdf";

    public static IEndpointRouteBuilder MapCertificates(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Certificates").RequireAuthorization(Policies.Instructor);
        api.MapGet("/clients/{clientId}/certificates/{assertionId:guid}", Badge).WithName("BadgeCertificate");
        api.MapGet("/clients/{clientId}/certificates", Combined).WithName("CombinedCertificate");
        api.MapGet("/units/{unitId}/certificates", Batch).WithName("UnitCertificates");
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Badge(
        string clientId, Guid assertionId, string? lang, ClaimsPrincipal user, ClientAccess clients, CertificateDocuments documents,
        Database database, AuditLog audit, IStringLocalizer<Messages> text, CancellationToken cancellationToken)
    {
        var client = await clients.FindAsync(clientId, user, cancellationToken);
        var pdf = client is null ? null : await documents.BadgeAsync(client.Id, client.DisplayName, client.PreferredLanguage, assertionId, lang, cancellationToken);
        if (pdf is null)
        {
            return Problems.NotFound(text, text["AssertionNotFound"]);
        }

        await RecordPrintAsync(database, audit, user, "client", clientId, assertionId.ToString(), cancellationToken);
        return TypedResults.File(pdf.Content, PdfType, pdf.FileName);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Combined(
        string clientId, string? lang, ClaimsPrincipal user, ClientAccess clients, CertificateDocuments documents,
        Database database, AuditLog audit, IStringLocalizer<Messages> text, CancellationToken cancellationToken)
    {
        var client = await clients.FindAsync(clientId, user, cancellationToken);
        if (client is null)
        {
            return Problems.NotFound(text, text["ClientNotFound"]);
        }

        var pdf = await documents.CombinedAsync(client.Id, client.DisplayName, client.PreferredLanguage, lang, cancellationToken);
        if (pdf is null)
        {
            return Problems.NotFound(text, text["NoValidBadges"]);
        }

        await RecordPrintAsync(database, audit, user, "client", clientId, "combined", cancellationToken);
        return TypedResults.File(pdf.Content, PdfType, pdf.FileName);
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> Batch(
        string unitId, string? from, string? to, string? lang, ClaimsPrincipal user, StaffUnits units, CertificateDocuments documents,
        Database database, AuditLog audit, IStringLocalizer<Messages> text, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var fromDate = ParseDate(from, "from", errors, text);
        var toDate = ParseDate(to, "to", errors, text);
        if (!await units.MayActInAsync(user, unitId, cancellationToken))
        {
            return Problems.NotFound(text, text["UnitNotYours"]);
        }

        if (errors.Any)
        {
            return Problems.Validation(text, errors.ToDictionary());
        }

        var pdf = await documents.BatchAsync(unitId, fromDate, toDate, lang, cancellationToken);
        if (pdf is null)
        {
            return Problems.NotFound(text, text["NoValidBadges"]);
        }

        await RecordPrintAsync(database, audit, user, "unit", unitId, $"{fromDate:yyyy-MM-dd}..{toDate:yyyy-MM-dd}", cancellationToken);
        return TypedResults.File(pdf.Content, PdfType, pdf.FileName);
    }

    private static DateOnly ParseDate(string? value, string field, FieldErrors errors, IStringLocalizer<Messages> text)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(field, text["DateInvalid"]);
        return default;
    }

    private static Task RecordPrintAsync(
        Database database, AuditLog audit, ClaimsPrincipal user, string entityType, string entityId, string detail, CancellationToken cancellationToken) =>
        RecordPrintAsync(database, audit, user.ToActor(), entityType, entityId, detail, cancellationToken);

    internal static async Task RecordPrintAsync(
        Database database, AuditLog audit, Actor actor, string entityType, string entityId, string detail, CancellationToken cancellationToken)
    {
        // Every download writes this row, so parallel downloads queue for the write lock like issuing does.
        await using var connection = await database.OpenAsync(cancellationToken);
        using var turn = await database.WaitForWriteTurnAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await audit.AppendAsync(transaction, actor, new AuditEntry("certificate.printed", entityType, entityId, detail), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
