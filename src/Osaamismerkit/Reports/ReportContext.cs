using Microsoft.Extensions.Localization;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Resources;

namespace Osaamismerkit.Reports;

/// <summary>What every report builder needs: the filter, the language, labels for its row keys, and the database.</summary>
internal sealed record ReportContext(
    ReportFilter Filter,
    string Language,
    Func<string, string> RowLabel,
    Database Database,
    Catalogue.BadgeCatalogue Catalogue,
    IStringLocalizer<ReportTexts> Texts)
{
    public string Total => Texts["Total"];

    /// <summary>Row keys in reading order: periods and phases in time order, names alphabetically.</summary>
    public IReadOnlyList<ReportColumn> Rows(IEnumerable<string> keys, string dimension)
    {
        var distinct = keys.Distinct(StringComparer.Ordinal).Select(k => new ReportColumn(k, RowLabel(k)));
        var comparer = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo(Texts["Culture"]), ignoreCase: true);
        return dimension switch
        {
            "year" or "quarter" or "month" => distinct.OrderBy(r => r.Key, StringComparer.Ordinal).ToList(),
            "phase" => distinct.OrderBy(r => Baseline.BaselinePhases.All.ToList().IndexOf(r.Key)).ToList(),
            _ => distinct.OrderBy(r => r.Label, comparer).ToList(),
        };
    }

    public string AreaName(int area) =>
        $"{area} {Catalogue.DigComp.FindArea(area)?.Name.In(Language) ?? string.Empty}".Trim();

    /// <summary>The areas a report covers: the track's areas when a track is chosen, else all five.</summary>
    public IReadOnlyList<int> Areas => Filter.Track is { } track ? Tracks.Areas(Catalogue, track) : Baseline.BaselineAreas.Numbers;
}
