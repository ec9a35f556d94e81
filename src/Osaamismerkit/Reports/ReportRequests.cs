using System.Globalization;
using Microsoft.Extensions.Localization;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Infrastructure.Http;
using Osaamismerkit.Resources;
using Osaamismerkit.Staff;

namespace Osaamismerkit.Reports;

/// <summary>Reads a report's filters from the query string, field by field, checking municipality and unit exist.</summary>
public sealed class ReportRequests(Database database, TimeProvider clock, IStringLocalizer<ReportTexts> texts)
{
    private static readonly DateOnly EarliestDate = new(2000, 1, 1);

    private static readonly DateOnly LatestDate = new(2100, 12, 31);

    public async Task<ReportFilter?> ParseAsync(IQueryCollection query, FieldErrors errors, CancellationToken cancellationToken)
    {
        // Periods are whole calendar months: two periods a day apart would otherwise differ by the few clients mapped on
        // that day, and a difference of rounded counts is only safe between populations that differ by many.
        var today = PublicPages.HelsinkiTime.Today(clock.GetUtcNow());
        var from = Date(query, "from", errors) is { } first ? new DateOnly(first.Year, first.Month, 1) : (DateOnly?)null;
        var to = Date(query, "to", errors) ?? today;
        to = new DateOnly(to.Year, to.Month, DateTime.DaysInMonth(to.Year, to.Month));
        if (from is { } f && f > to)
        {
            errors.Add("from", texts["FilterPeriodReversed"]);
        }

        var municipality = Text(query, "municipality");
        var unit = Text(query, "unit");
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            if (municipality is not null && !await MunicipalityQueries.ExistsAsync(connection, municipality, cancellationToken))
            {
                errors.Add("municipality", texts["FilterMunicipalityUnknown"]);
            }

            if (unit is not null && !await UnitQueries.ExistsAsync(connection, unit, cancellationToken))
            {
                errors.Add("unit", texts["FilterUnitUnknown"]);
            }
        }

        var trackCode = Text(query, "track");
        var track = Tracks.Parse(trackCode);
        if (trackCode is not null && track is null)
        {
            errors.Add("track", texts["FilterTrackUnknown"]);
        }

        var grouping = ReportGrouping.None;
        if (Text(query, "groupBy") is { } g && !ReportCodes.Groupings.TryGetValue(g, out grouping))
        {
            errors.Add("groupBy", texts["FilterGroupByUnknown"]);
        }

        var by = BadgeRows.Month;
        if (Text(query, "by") is { } b && !ReportCodes.BadgeRowOptions.TryGetValue(b, out by))
        {
            errors.Add("by", texts["FilterByUnknown"]);
        }

        if (errors.Any)
        {
            return null;
        }

        var filter = new ReportFilter(from, to, municipality, unit, track, grouping, by);
        if ((unit ?? municipality ?? trackCode) is not null)
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            if (await ReportPopulation.CountAsync(connection, filter, database.Dialect, cancellationToken) < ReportPopulation.Minimum)
            {
                errors.Add(unit is not null ? "unit" : municipality is not null ? "municipality" : "track", texts["FilterPopulationTooSmall", ReportPopulation.Minimum]);
                return null;
            }
        }

        return filter;
    }

    private static string? Text(IQueryCollection query, string name) =>
        query[name].ToString() is { Length: > 0 } value ? value.Trim() : null;

    private DateOnly? Date(IQueryCollection query, string name, FieldErrors errors)
    {
        if (Text(query, name) is not { } value)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            // A period ends at midnight after its last day, which 9999-12-31 does not have (a 500 found by fuzzing);
            // and no report of this service can be about any time outside these years.
            if (date < EarliestDate || date > LatestDate)
            {
                errors.Add(name, texts["FilterDateOutOfRange"]);
                return null;
            }

            return date;
        }

        errors.Add(name, texts["FilterDateInvalid"]);
        return null;
    }
}
