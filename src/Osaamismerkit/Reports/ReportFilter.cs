using System.Globalization;
using Osaamismerkit.Catalogue;

namespace Osaamismerkit.Reports;

/// <summary>
/// What a report covers: a period of days (inclusive, UTC), optionally one municipality, one unit and one track,
/// and how its rows are grouped.
/// </summary>
public sealed record ReportFilter(
    DateOnly? From,
    DateOnly To,
    string? Municipality = null,
    string? Unit = null,
    Track? Track = null,
    ReportGrouping GroupBy = ReportGrouping.None,
    BadgeRows By = BadgeRows.Month)
{
    /// <summary>The first instant of the period, for timestamps.</summary>
    public DateTimeOffset Start => From is { } f ? new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : DateTimeOffset.MinValue;

    /// <summary>The first instant after the period.</summary>
    public DateTimeOffset End => new(To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public ReportFilterView ToView(ReportKind kind) => new(
        From, To, Municipality, Unit, Track is { } t ? Tracks.Code(t) : null, ReportCodes.Of(GroupBy), kind == ReportKind.Badges ? ReportCodes.Of(By) : null);

    /// <summary>Ids and codes only, for the audit log.</summary>
    public string Describe(ReportKind kind) => string.Join(' ', new[]
    {
        From is { } f ? "from=" + f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        "to=" + To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Municipality is null ? null : "municipality=" + Municipality,
        Unit is null ? null : "unit=" + Unit,
        Track is { } t ? "track=" + Tracks.Code(t) : null,
        kind == ReportKind.Badges ? "by=" + ReportCodes.Of(By) : "groupBy=" + ReportCodes.Of(GroupBy),
    }.Where(p => p is not null));
}
