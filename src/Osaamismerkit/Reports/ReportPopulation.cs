using System.Data.Common;
using System.Text;
using Dapper;
using Osaamismerkit.Infrastructure.Database;

namespace Osaamismerkit.Reports;

/// <summary>
/// How many clients a filtered report is about: those mapped, or issued a badge, in the period where the filter points.
/// A filter that narrows a report to a handful of clients is refused outright, since every table of it would describe
/// those few; rounding protects a count, not a population picked to be small.
/// </summary>
internal static class ReportPopulation
{
    public const int Minimum = 10;

    public static async Task<long> CountAsync(DbConnection connection, ReportFilter filter, SqlDialect dialect, CancellationToken cancellationToken)
    {
        var scope = BaselineScope.For(filter, dialect);
        var issued = new StringBuilder("a.replaces_id IS NULL AND a.issued_on < @End");
        scope.Parameters.Add("End", filter.End);
        if (filter.From is not null)
        {
            issued.Append(" AND a.issued_on >= @Start");
            scope.Parameters.Add("Start", filter.Start);
        }

        if (filter.Municipality is not null)
        {
            issued.Append(" AND a.municipality_code = @Municipality");
        }

        if (filter.Unit is not null)
        {
            issued.Append(" AND a.unit_id = @Unit");
        }

        var sql = $"""
            SELECT COUNT(*) FROM (
                SELECT b.client_id FROM baselines b WHERE {scope.Where}
                UNION
                SELECT a.client_id FROM assertions a WHERE {issued}
            ) population
            """;
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, scope.Parameters, cancellationToken: cancellationToken));
    }
}
