using System.Collections.Concurrent;
using NUnit.Framework.Interfaces;

[assembly: Osaamismerkit.Tests.Support.SqlCapture.SqlCaptureCheck]

namespace Osaamismerkit.Tests.Support.SqlCapture;

/// <summary>
/// After every test in the assembly: each SQL text the service sent for the first time during it is parsed as T-SQL in
/// the form SQL Server would have been sent, and each new transaction is checked for <see cref="LockOrder"/>. The test
/// fails on a parse error or a lock-order fault, naming the statement. Checked after each test rather than in one test
/// that runs last, so that whichever tests run, and in whatever order, every statement they made the service send is
/// checked; <see cref="SqlCaptureSummary"/> writes the totals at the end of the run.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class SqlCaptureCheckAttribute : Attribute, ITestAction
{
    private static readonly ConcurrentDictionary<string, TSqlText> Parsed = new(StringComparer.Ordinal);

    public ActionTargets Targets => ActionTargets.Test;

    /// <summary>Every distinct text checked so far, keyed by the text the service ran on SQLite.</summary>
    public static IReadOnlyDictionary<string, TSqlText> Checked => Parsed;

    public static int TransactionsChecked { get; private set; }

    public void BeforeTest(ITest test)
    {
    }

    public void AfterTest(ITest test)
    {
        var faults = CheckNew();
        if (faults.Count > 0)
        {
            Assert.Fail($"The service sent SQL that SQL Server would refuse, or a transaction that breaks the client-lock rule:\n\n{string.Join("\n\n", faults)}");
        }
    }

    /// <summary>Parses and checks what was captured since the last call; returns one line of text per fault.</summary>
    public static IReadOnlyList<string> CheckNew()
    {
        var faults = new List<string>();
        foreach (var text in CapturedSql.Instance.TakeNewTexts())
        {
            if (SqlServerText.IsSqliteOnly(text))
            {
                continue;
            }

            var parsed = Parse(text);
            if (parsed.Errors.Count > 0)
            {
                faults.Add($"Not valid T-SQL ({string.Join("; ", parsed.Errors)}):\n{parsed.Sql}");
            }
        }

        foreach (var transaction in CapturedSql.Instance.TakeNewTransactions())
        {
            TransactionsChecked++;
            var statements = transaction.Where(s => !SqlServerText.IsSqliteOnly(s)).Select(Parse).ToList();
            if (LockOrder.Violation(statements) is { } violation)
            {
                faults.Add($"A transaction {violation}");
            }
        }

        return faults;
    }

    private static TSqlText Parse(string sqlite) => Parsed.GetOrAdd(sqlite, s => TSqlText.Parse(SqlServerText.From(s)));
}
