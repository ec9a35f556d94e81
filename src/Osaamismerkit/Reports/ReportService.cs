using Microsoft.Extensions.Localization;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Resources;

namespace Osaamismerkit.Reports;

/// <summary>Builds any report for project staff: aggregated, suppressed, rounded, and never with a name or a client id in it.</summary>
public sealed class ReportService(
    Database database, Catalogue.BadgeCatalogue catalogue, ReportLabels labels, TimeProvider clock, IStringLocalizer<ReportTexts> texts)
{
    public async Task<Report> BuildAsync(ReportKind kind, ReportFilter filter, string language, CancellationToken cancellationToken)
    {
        var dimension = kind == ReportKind.Badges ? ReportCodes.Of(filter.By) : ReportCodes.Of(filter.GroupBy);
        var context = new ReportContext(filter, language, await labels.ForAsync(dimension, language, cancellationToken), database, catalogue, texts);
        var tables = kind switch
        {
            ReportKind.Levels => await LevelsReport.BuildAsync(context, cancellationToken),
            ReportKind.Change => await ChangeReport.BuildAsync(context, cancellationToken),
            ReportKind.BasicLevel => await BasicLevelReport.BuildAsync(context, cancellationToken),
            ReportKind.Badges => await BadgesReport.BuildAsync(context, cancellationToken),
            _ => await TimeToBadgeReport.BuildAsync(context, cancellationToken),
        };
        var note = kind switch
        {
            ReportKind.Levels => "NoteLevels",
            ReportKind.Change => "NoteChange",
            ReportKind.BasicLevel => "NoteBasicLevel",
            ReportKind.Badges => "NoteBadges",
            _ => "NoteTimeToBadge",
        };
        var code = ReportCodes.Of(kind);
        var names = new List<string>();
        if (filter.Municipality is { } municipality)
        {
            names.Add((await labels.ForAsync("municipality", language, cancellationToken))(municipality));
        }

        if (filter.Unit is { } unit)
        {
            names.Add((await labels.ForAsync("unit", language, cancellationToken))(unit));
        }

        if (filter.Track is { } track)
        {
            names.Add(texts["Track_" + Tracks.Code(track)]);
        }

        return new Report(
            code, texts["Report_" + code], filter.ToView(kind), names, clock.GetUtcNow(), SmallCells.Threshold, tables,
            [texts[note], texts["NoteSuppression"], texts["NoteRounding"], Period(filter)]);
    }

    /// <summary>The period as the report covers it, after widening to whole months, in the reader's date format.</summary>
    private string Period(ReportFilter filter)
    {
        var culture = System.Globalization.CultureInfo.GetCultureInfo(texts["Culture"]);
        return texts["NotePeriod", filter.From?.ToString("d", culture) ?? string.Empty, filter.To.ToString("d", culture)];
    }
}
