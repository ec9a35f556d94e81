using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Osaamismerkit.Infrastructure.Auditing;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Infrastructure.Http;
using Osaamismerkit.Infrastructure.Localization;
using Osaamismerkit.Resources;
using Osaamismerkit.Staff;

namespace Osaamismerkit.Reports;

/// <summary>Aggregated reports for project staff as JSON, CSV and PDF. Exports are recorded in the audit log.</summary>
public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization(Policies.ProjectStaff);
        reports.MapGet("/", Options).WithName("ReportOptions");
        reports.MapGet("/{kind}", Json).WithName("Report");
        reports.MapGet("/{kind}/csv", Csv).WithName("ReportCsv");
        reports.MapGet("/{kind}/pdf", Pdf).WithName("ReportPdf");
        return app;
    }

    /// <summary>What can be asked for: report kinds, groupings, and the municipalities and units to filter by.</summary>
    private static async Task<Ok<ReportChoices>> Options(Database database, IStringLocalizer<ReportTexts> texts, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ChoicesAsync(database, texts, cancellationToken));

    public static async Task<ReportChoices> ChoicesAsync(Database database, IStringLocalizer<ReportTexts> texts, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var municipalities = (await MunicipalityQueries.AllAsync(connection, cancellationToken))
            .Select(m => new MunicipalityChoice { Code = m.Code, NameFi = m.NameFi, NameSv = m.NameSv });
        var units = await UnitQueries.ChoicesAsync(connection, cancellationToken);
        return new ReportChoices(
            ReportCodes.Kinds.Keys.Select(k => new ReportChoice(k, texts["Report_" + k])).ToList(),
            ReportCodes.Groupings.Keys.ToList(),
            ReportCodes.BadgeRowOptions.Keys.ToList(),
            Tracks.All.Select(t => new ReportChoice(Tracks.Code(t), texts["Track_" + Tracks.Code(t)])).ToList(),
            municipalities.ToList(),
            units.ToList());
    }

    private static async Task<Results<Ok<Report>, ValidationProblem, ProblemHttpResult>> Json(
        string kind, HttpContext context, ReportRequests requests, ReportService service, IStringLocalizer<Messages> messages,
        IStringLocalizer<ReportTexts> texts, CancellationToken cancellationToken)
    {
        var (report, problem) = await BuildAsync(kind, context, requests, service, messages, texts, cancellationToken);
        return report is null ? Fail(problem!) : TypedResults.Ok(report);
    }

    private static async Task<IResult> Csv(
        string kind, HttpContext context, ReportRequests requests, ReportService service, AuditLog audit, Database database,
        IOptions<ReportOptions> options, IStringLocalizer<Messages> messages, IStringLocalizer<ReportTexts> texts, CancellationToken cancellationToken)
    {
        var (report, problem) = await BuildAsync(kind, context, requests, service, messages, texts, cancellationToken);
        if (report is null)
        {
            return problem!;
        }

        var bytes = ReportCsv.Write(report, options.Value.CsvSeparator, texts["Culture"], key => texts[key]);
        await RecordExportAsync(database, audit, context.User, report, "csv", cancellationToken);
        return TypedResults.File(bytes, "text/csv; charset=utf-8", FileName(report, "csv", texts));
    }

    private static async Task<IResult> Pdf(
        string kind, HttpContext context, ReportRequests requests, ReportService service, ReportPdf pdf, AuditLog audit, Database database,
        IStringLocalizer<Messages> messages, IStringLocalizer<ReportTexts> texts, CancellationToken cancellationToken)
    {
        var (report, problem) = await BuildAsync(kind, context, requests, service, messages, texts, cancellationToken);
        if (report is null)
        {
            return problem!;
        }

        var bytes = pdf.Write(report, Languages.Of(context), key => texts[key], (key, arguments) => texts[key, arguments]);
        await RecordExportAsync(database, audit, context.User, report, "pdf", cancellationToken);
        return TypedResults.File(bytes, "application/pdf", FileName(report, "pdf", texts));
    }

    private static async Task<(Report? Report, IResult? Problem)> BuildAsync(
        string kind, HttpContext context, ReportRequests requests, ReportService service, IStringLocalizer<Messages> messages,
        IStringLocalizer<ReportTexts> texts, CancellationToken cancellationToken)
    {
        if (!ReportCodes.Kinds.TryGetValue(kind, out var reportKind))
        {
            return (null, Problems.NotFound(messages, texts["ReportUnknown"]));
        }

        var errors = new FieldErrors();
        var filter = await requests.ParseAsync(context.Request.Query, errors, cancellationToken);
        if (filter is null)
        {
            return (null, Problems.Validation(messages, errors.ToDictionary()));
        }

        return (await service.BuildAsync(reportKind, filter, Languages.Of(context), cancellationToken), null);
    }

    private static Results<Ok<Report>, ValidationProblem, ProblemHttpResult> Fail(IResult problem) => problem switch
    {
        ValidationProblem validation => validation,
        ProblemHttpResult other => other,
        _ => throw new InvalidOperationException("Unexpected problem result."),
    };

    private static async Task RecordExportAsync(Database database, AuditLog audit, ClaimsPrincipal user, Report report, string format, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var detail = $"format={format} {ReportFilterDetail(report.Filter)}";
        await audit.AppendAsync(transaction, user.ToActor(), new AuditEntry("report.exported", "report", report.Kind, detail), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static string ReportFilterDetail(ReportFilterView f) => string.Join(' ', new[]
    {
        f.From is { } from ? "from=" + from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null,
        "to=" + f.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        f.Municipality is null ? null : "municipality=" + f.Municipality,
        f.Unit is null ? null : "unit=" + f.Unit,
        f.Track is null ? null : "track=" + f.Track,
        "groupBy=" + f.GroupBy,
        f.By is null ? null : "by=" + f.By,
    }.Where(p => p is not null));

    /// <summary>
    /// What the report is and its period, in the user's words ("osaamismerkit-osaamistasot-2026-01-01-2026-11-30.csv"), so
    /// that a downloads folder of several reports can be told apart; ASCII, so that no browser mangles it.
    /// </summary>
    private static string FileName(Report report, string extension, IStringLocalizer<ReportTexts> texts)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        var period = report.Filter.From is { } from
            ? string.Create(invariant, $"{from:yyyy-MM-dd}-{report.Filter.To:yyyy-MM-dd}")
            : report.Filter.To.ToString("yyyy-MM-dd", invariant);
        return $"{texts["File_" + report.Kind]}-{period}.{extension}";
    }
}

public sealed record ReportChoice(string Code, string Name);

public sealed record ReportChoices(
    IReadOnlyList<ReportChoice> Reports,
    IReadOnlyList<string> Groupings,
    IReadOnlyList<string> BadgeRows,
    IReadOnlyList<ReportChoice> Tracks,
    IReadOnlyList<MunicipalityChoice> Municipalities,
    IReadOnlyList<UnitChoice> Units);

public sealed record MunicipalityChoice
{
    public required string Code { get; init; }

    public required string NameFi { get; init; }

    public required string NameSv { get; init; }
}

public sealed record UnitChoice
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string MunicipalityCode { get; init; }
}
