using System.Text;
using Dapper;
using Osaamismerkit.Infrastructure.Database;

namespace Osaamismerkit.Reports;

/// <summary>
/// The filter as SQL over the baselines table: a WHERE clause with parameters, and the expression that gives each
/// mapping its row group. Only codes and dates are ever bound; nothing from the query string reaches the SQL text.
/// </summary>
internal sealed record BaselineScope(string Where, string Group, DynamicParameters Parameters)
{
    public static BaselineScope For(ReportFilter filter, SqlDialect dialect, bool withPeriod = true)
    {
        var where = new StringBuilder("1 = 1");
        var parameters = new DynamicParameters();
        if (withPeriod)
        {
            AddPeriod(filter, where, parameters);
        }

        if (filter.Municipality is not null)
        {
            where.Append(" AND municipality_code = @Municipality");
            parameters.Add("Municipality", filter.Municipality);
        }

        if (filter.Unit is not null)
        {
            where.Append(" AND unit_id = @Unit");
            parameters.Add("Unit", filter.Unit);
        }

        return new BaselineScope(where.ToString(), GroupOf(filter.GroupBy, dialect), parameters)
        {
            PerGroup = filter.GroupBy is ReportGrouping.Phase or ReportGrouping.Year or ReportGrouping.Quarter,
            TimeGroups = filter.GroupBy is ReportGrouping.Year or ReportGrouping.Quarter,
        };
    }

    /// <summary>
    /// Whether rows are periods or phases, where a client counts once in each (their latest mapping there); otherwise a
    /// client counts once, in the row of their latest mapping.
    /// </summary>
    public bool PerGroup { get; init; }

    /// <summary>
    /// A column that marks each client's latest mapping (per row group when <see cref="PerGroup"/>), and the condition
    /// that keeps those. Per client it follows the table's clustered order (client, date), so no sort is needed.
    /// </summary>
    public string LatestMarker => (PerGroup, TimeGroups) switch
    {
        // Years and quarters follow each client's own date order, so the latest of a period is where the period changes.
        (true, true) => $"LEAD({Group}) OVER (PARTITION BY client_id ORDER BY assessed_on, created_at, id)",
        (true, false) => $"ROW_NUMBER() OVER (PARTITION BY client_id, {Group} ORDER BY assessed_on DESC, created_at DESC, id DESC)",
        _ => "LEAD(id) OVER (PARTITION BY client_id ORDER BY assessed_on, created_at, id)",
    };

    public string IsLatest => (PerGroup, TimeGroups) switch
    {
        (true, true) => "(marker IS NULL OR marker <> GroupKey)",
        (true, false) => "marker = 1",
        _ => "marker IS NULL",
    };

    public bool TimeGroups { get; init; }

    public const string NoGroup = "'all'";

    public static void AddPeriod(ReportFilter filter, StringBuilder where, DynamicParameters parameters, string column = "assessed_on")
    {
        if (filter.From is { } from)
        {
            where.Append($" AND {column} >= @From");
            parameters.Add("From", from);
        }

        where.Append($" AND {column} <= @To");
        parameters.Add("To", filter.To);
    }

    private static string GroupOf(ReportGrouping grouping, SqlDialect dialect) => grouping switch
    {
        ReportGrouping.Municipality => "municipality_code",
        ReportGrouping.Unit => "unit_id",
        ReportGrouping.Phase => "phase",
        ReportGrouping.Year => dialect.YearOf("assessed_on"),
        ReportGrouping.Quarter => dialect.QuarterOf("assessed_on"),
        _ => NoGroup,
    };
}
