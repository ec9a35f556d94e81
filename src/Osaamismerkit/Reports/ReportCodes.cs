using Osaamismerkit.Catalogue;

namespace Osaamismerkit.Reports;

/// <summary>The codes of report options as they appear in query strings and exports.</summary>
public static class ReportCodes
{
    public static readonly IReadOnlyDictionary<string, ReportKind> Kinds = new Dictionary<string, ReportKind>(StringComparer.Ordinal)
    {
        ["levels"] = ReportKind.Levels,
        ["change"] = ReportKind.Change,
        ["basic-level"] = ReportKind.BasicLevel,
        ["badges"] = ReportKind.Badges,
        ["time-to-badge"] = ReportKind.TimeToBadge,
    };

    public static readonly IReadOnlyDictionary<string, ReportGrouping> Groupings = new Dictionary<string, ReportGrouping>(StringComparer.Ordinal)
    {
        ["none"] = ReportGrouping.None,
        ["municipality"] = ReportGrouping.Municipality,
        ["unit"] = ReportGrouping.Unit,
        ["phase"] = ReportGrouping.Phase,
        ["year"] = ReportGrouping.Year,
        ["quarter"] = ReportGrouping.Quarter,
    };

    public static readonly IReadOnlyDictionary<string, BadgeRows> BadgeRowOptions = new Dictionary<string, BadgeRows>(StringComparer.Ordinal)
    {
        ["month"] = BadgeRows.Month,
        ["badge"] = BadgeRows.Badge,
        ["unit"] = BadgeRows.Unit,
    };

    public static string Of(ReportKind kind) => Kinds.First(k => k.Value == kind).Key;

    public static string Of(ReportGrouping grouping) => Groupings.First(g => g.Value == grouping).Key;

    public static string Of(BadgeRows rows) => BadgeRowOptions.First(r => r.Value == rows).Key;
}
