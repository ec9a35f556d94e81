using Microsoft.Data.Sqlite;
using Osaamismerkit.Infrastructure.Database;

namespace Osaamismerkit.Tests.Infrastructure;

/// <summary>
/// What <see cref="DatabaseRetry"/> runs again, with the fault injected into the work itself: a real SqliteException
/// with the code SQLite gives a unique index that refused a row (another instance wrote it first), and one that is not
/// a lost race. The SQL Server numbers (deadlock 1205, Azure SQL's transient ones) go through the same path, with a real
/// SqlException made through SqlClient's internals, in TransientFaultTests (through HTTP, mid-transaction).
/// </summary>
public sealed class DatabaseRetryTests
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteBusy = 5;

    [TestCase(false)]
    [TestCase(true)]
    public async Task A_transaction_that_lost_to_another_instances_row_runs_again_whole_and_its_second_result_is_returned(bool idempotent)
    {
        var attempts = 0;

        var result = await DatabaseRetry.RunAsync(
            () => ++attempts == 1 ? throw UniqueViolation() : Task.FromResult("second"),
            idempotent,
            CancellationToken.None);

        Assert.That(result, Is.EqualTo("second"));
        Assert.That(attempts, Is.EqualTo(2));
    }

    [Test]
    public void A_fault_that_is_not_a_lost_race_is_not_run_again()
    {
        var attempts = 0;

        var thrown = Assert.ThrowsAsync<SqliteException>(() => DatabaseRetry.RunAsync<int>(
            () => { attempts++; throw new SqliteException("database is locked", SqliteBusy); },
            idempotent: true,
            CancellationToken.None));

        Assert.That(thrown!.SqliteErrorCode, Is.EqualTo(SqliteBusy));
        Assert.That(attempts, Is.EqualTo(1));
    }

    [Test]
    public void A_race_lost_every_time_gives_up_after_three_attempts_with_the_last_fault()
    {
        var attempts = 0;

        Assert.ThrowsAsync<SqliteException>(() => DatabaseRetry.RunAsync<int>(
            () => { attempts++; throw UniqueViolation(); },
            idempotent: false,
            CancellationToken.None));

        Assert.That(attempts, Is.EqualTo(3));
    }

    private static SqliteException UniqueViolation() =>
        new("UNIQUE constraint failed: baselines.id", SqliteConstraint, SqliteConstraintUnique);
}
