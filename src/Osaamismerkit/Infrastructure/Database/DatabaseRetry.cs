using System.Data.Common;
using Microsoft.Data.SqlClient;

namespace Osaamismerkit.Infrastructure.Database;

/// <summary>
/// Runs a whole transaction again when it lost a race it can win on a later try. Only whole transactions: the work
/// opens its own connection and transaction each time, so a retry never continues half of an earlier attempt.
/// </summary>
public static class DatabaseRetry
{
    private const int Attempts = 3;

    /// <summary>
    /// Retries a deadlock victim (rolled back for certain) and a unique violation (another instance wrote the row this one
    /// meant to write: the next attempt reads it and takes the replay or conflict path). With <paramref name="idempotent"/>,
    /// also Azure SQL's transient faults and broken connections, after which the outcome of a COMMIT is unknown: only
    /// work that finds its own earlier result (an Idempotency-Key, a row keyed by what it writes) may run again then.
    /// </summary>
    public static async Task<T> RunAsync<T>(Func<Task<T>> work, bool idempotent, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await work();
            }
            catch (DbException e) when (attempt < Attempts && Retriable(e, idempotent))
            {
                // A short, growing, jittered pause, so that the two losers of a deadlock do not meet again at once.
                await Task.Delay(TimeSpan.FromMilliseconds((20 * attempt) + Random.Shared.Next(20)), cancellationToken);
            }
        }
    }

    public static bool Retriable(DbException exception, bool idempotent) =>
        Database.IsUniqueViolation(exception) || exception is SqlException e && (SqlServerFaults.IsDeadlock(e) || (idempotent && SqlServerFaults.IsTransient(e)));
}
