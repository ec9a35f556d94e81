using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Osaamismerkit.Infrastructure.Http;
using Osaamismerkit.Resources;
using Osaamismerkit.Staff;

namespace Osaamismerkit.Infrastructure.Auditing;

/// <summary>
/// Admins read the audit log, filtered by entity, actor and time; newest first. A page ends with a row whose id, given as
/// <c>before</c>, asks for the next page; an id not in the log gives an empty page.
/// </summary>
public static class AuditEndpoints
{
    public const int MaxLimit = 1000;

    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit", Read).WithTags("Admin").WithName("ReadAuditLog").RequireAuthorization(Policies.Admin);
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<AuditRecord>>, ValidationProblem>> Read(
        Database.Database database, IStringLocalizer<Messages> text, CancellationToken cancellationToken,
        string? entityType = null, string? entityId = null, string? actor = null, string? from = null, string? to = null, string? limit = null, string? before = null)
    {
        var errors = new FieldErrors();
        var fromTime = ParseTime(from, "from", errors, text);
        var toTime = ParseTime(to, "to", errors, text);
        var take = 200;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out take) || take < 1 || take > MaxLimit))
        {
            errors.Add("limit", text["AuditLimitInvalid", MaxLimit]);
        }

        if (errors.Any)
        {
            return Problems.Validation(text, errors.ToDictionary());
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await AuditQueries.PageAsync(
            connection, database.Dialect, new AuditFilter(entityType, entityId, actor, fromTime, toTime, before), take, cancellationToken);
        return TypedResults.Ok(rows);
    }

    private static DateTimeOffset? ParseTime(string? value, string field, FieldErrors errors, IStringLocalizer<Messages> text)
    {
        if (value is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time.ToUniversalTime();
        }

        errors.Add(field, text["DateInvalid"]);
        return null;
    }
}
