using System.Text;
using Dapper;
using Osaamismerkit.Infrastructure.Database;

namespace Osaamismerkit.Reports;

/// <summary>
/// The filter as SQL over the baselines table (under an alias): a WHERE clause with parameters, the expression that
/// gives each mapping its row group, and the condition that keeps each client's latest mapping in the period. Only
/// codes and dates are ever bound; nothing from the query string reaches the SQL text.
/// </summary>
internal sealed record BaselineScope(string Where, string Group, string Latest, DynamicParameters Parameters)
{
    /// <param name="alias">The baselines table's alias in the query.</param>
    public static BaselineScope For(ReportFilter filter, SqlDialect dialect, string alias = "b")
    {
        var where = new StringBuilder("1 = 1");
        var parameters = new DynamicParameters();
        AddPeriod(filter, where, parameters, $"{alias}.assessed_on");
        if (filter.Municipality is not null)
        {
            where.Append($" AND {alias}.municipality_code = @Municipality");
            parameters.Add("Municipality", filter.Municipality);
        }

        if (filter.Unit is not null)
        {
            where.Append($" AND {alias}.unit_id = @Unit");
            parameters.Add("Unit", filter.Unit);
        }

        // A client counts once, in the row of their latest mapping in the period; when rows are phases, years or
        // quarters, once in each, with their latest mapping there. A filter by municipality or unit keeps the clients
        // whose latest mapping was made there, so a filtered report is the same as that row of the grouped one.
        var next = filter.GroupBy switch
        {
            ReportGrouping.Phase => "next_in_phase_on",
            ReportGrouping.Year => "next_in_year_on",
            ReportGrouping.Quarter => "next_in_quarter_on",
            _ => "next_on",
        };
        return new BaselineScope(where.ToString(), GroupOf(filter.GroupBy, dialect, alias), $"({alias}.{next} IS NULL OR {alias}.{next} > @To)", parameters);
    }

    private const string NoGroup = "'all'";

    private static void AddPeriod(ReportFilter filter, StringBuilder where, DynamicParameters parameters, string column)
    {
        if (filter.From is { } from)
        {
            where.Append($" AND {column} >= @From");
            parameters.Add("From", from);
        }

        where.Append($" AND {column} <= @To");
        parameters.Add("To", filter.To);
    }

    private static string GroupOf(ReportGrouping grouping, SqlDialect dialect, string alias) => grouping switch
    {
        ReportGrouping.Municipality => $"{alias}.municipality_code",
        ReportGrouping.Unit => $"{alias}.unit_id",
        ReportGrouping.Phase => $"{alias}.phase",
        ReportGrouping.Year => dialect.YearOf($"{alias}.assessed_on"),
        ReportGrouping.Quarter => dialect.QuarterOf($"{alias}.assessed_on"),
        _ => NoGroup,
    };
}
