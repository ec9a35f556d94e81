using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Localization;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Infrastructure.Http;
using Osaamismerkit.Infrastructure.Localization;
using Osaamismerkit.Reports;
using Osaamismerkit.Resources;

namespace Osaamismerkit.StaffUi.Reports;

/// <summary>Reports for project staff in the browser: the filters as a plain GET form, tables and bar charts, exports.</summary>
public static class ReportPageEndpoints
{
    public static RouteGroupBuilder MapReportPages(this RouteGroupBuilder staff)
    {
        staff.MapGet("/reports", Show).WithName("StaffReports");
        return staff;
    }

    private static async Task<IResult> Show(
        HttpContext context, ReportRequests requests, ReportService reports, Database database, IStringLocalizer<ReportTexts> texts,
        IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        var page = StaffPage.For(context, antiforgery);
        var query = context.Request.Query;
        var kind = query["kind"].ToString() is { Length: > 0 } k && ReportCodes.Kinds.ContainsKey(k) ? k : ReportCodes.Of(ReportKind.Levels);
        var choices = await ReportEndpoints.ChoicesAsync(database, texts, cancellationToken);
        var errors = new FieldErrors();
        var filter = await requests.ParseAsync(query, errors, cancellationToken);
        var report = filter is null ? null : await reports.BuildAsync(ReportCodes.Kinds[kind], filter, Languages.Of(context), cancellationToken);
        var model = new ReportPageModel(choices, query, kind, report, errors.ToDictionary().AsReadOnly());
        return StaffResults.Page<ReportPage>(new { Page = page, Model = model }, report is null ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }
}
