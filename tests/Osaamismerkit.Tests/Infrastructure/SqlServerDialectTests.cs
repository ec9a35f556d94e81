using Microsoft.SqlServer.TransactSql.ScriptDom;
using Osaamismerkit.Infrastructure.Database;

namespace Osaamismerkit.Tests.Infrastructure;

/// <summary>
/// The SQL Server side of the dialect seam, parsed as T-SQL by Microsoft's own parser (ScriptDom): every fragment is
/// valid T-SQL in a statement, and none calls FORMAT(), which runs per row through the CLR and would make a report over
/// a million assertions crawl on Azure SQL. Only a parser: the pipeline's SQL Server job checks what the SQL does.
/// </summary>
public sealed class SqlServerDialectTests
{
    private static readonly SqlDialect Dialect = SqlDialect.SqlServer;

    public static IEnumerable<TestCaseData> Statements()
    {
        yield return new TestCaseData($"SELECT {Dialect.MonthOf("a.issued_on")} AS k, COUNT(*) FROM assertions a GROUP BY {Dialect.MonthOf("a.issued_on")}").SetName("month of a timestamp");
        yield return new TestCaseData($"SELECT {Dialect.YearOf("b.assessed_on")} AS k FROM baselines b").SetName("year of a date");
        yield return new TestCaseData($"SELECT {Dialect.QuarterOf("b.assessed_on")} AS k FROM baselines b").SetName("quarter of a date");
        yield return new TestCaseData($"SELECT id FROM audit_log ORDER BY occurred_at DESC {Dialect.Limit("@Take")}").SetName("row limit");
    }

    [TestCaseSource(nameof(Statements))]
    public void A_dialect_fragment_is_valid_T_SQL_without_per_row_FORMAT(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        var fragment = parser.Parse(reader, out var errors);

        Assert.That(errors.Select(e => $"{e.Line}:{e.Column} {e.Message}"), Is.Empty, sql);
        var calls = new FunctionCalls();
        fragment.Accept(calls);
        Assert.That(calls.Names, Does.Not.Contain("FORMAT"), sql);
    }

    private sealed class FunctionCalls : TSqlFragmentVisitor
    {
        public List<string> Names { get; } = [];

        public override void Visit(FunctionCall node) => Names.Add(node.FunctionName.Value.ToUpperInvariant());
    }
}
