using Osaamismerkit.Tests.Support.SqlCapture;

namespace Osaamismerkit.Tests;

/// <summary>
/// At the end of the run: what the SQL capture covered, written to sql-capture.txt in the test output folder (each
/// distinct statement in its SQL Server form), and a failure if the last test's statements held a fault.
/// </summary>
[SetUpFixture]
public sealed class SqlCaptureSummary
{
    [OneTimeTearDown]
    public void WriteCoverage()
    {
        var faults = SqlCaptureCheckAttribute.CheckNew();
        var statements = SqlCaptureCheckAttribute.Checked.Values.OrderBy(s => s.Sql, StringComparer.Ordinal).ToList();
        var file = Path.Combine(TestContext.CurrentContext.WorkDirectory, "sql-capture.txt");
        File.WriteAllText(file, string.Join("\n\n-- ----\n", statements.Select(s => s.Sql)));
        TestContext.Progress.WriteLine(
            $"SQL capture: {statements.Count} distinct statements parsed as T-SQL, {statements.Count(s => s.Errors.Count > 0)} with errors, " +
            $"{SqlCaptureCheckAttribute.TransactionsChecked} distinct transactions checked for the client lock ({file}).");
        Assert.That(faults, Is.Empty);
    }
}
