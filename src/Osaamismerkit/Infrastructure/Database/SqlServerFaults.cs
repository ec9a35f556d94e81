using Microsoft.Data.SqlClient;

namespace Osaamismerkit.Infrastructure.Database;

/// <summary>
/// SQL Server and Azure SQL errors that say "not now" rather than "never": worth a retry where that is safe, and a 503
/// with Retry-After where it is not. The numbers are those Microsoft lists for Azure SQL's transient faults.
/// </summary>
public static class SqlServerFaults
{
    /// <summary>This transaction was chosen as a deadlock victim: it was rolled back, so running it again is always safe.</summary>
    public const int DeadlockVictim = 1205;

    // 1222 lock timeout; 3906/4060 database read-only or unopenable; 40197/40501/40613/49918–49920 Azure SQL
    // reconfiguration and throttling; 10928/10929 resource limits; 233, 64, 121, 10053, 10054, 10060 a broken or
    // refused connection; -2 a command timeout.
    private static readonly HashSet<int> Unavailable =
        [DeadlockVictim, 1222, 3906, 4060, 40197, 40501, 40613, 49918, 49919, 49920, 10928, 10929, 233, 64, 121, 10053, 10054, 10060, -2];

    public static bool IsTransient(SqlException exception) => exception.Errors.Cast<SqlError>().Any(e => Unavailable.Contains(e.Number)) || Unavailable.Contains(exception.Number);

    /// <summary>Rolled back for certain, whatever the operation: the server ended the transaction, not the connection.</summary>
    public static bool IsDeadlock(SqlException exception) => exception.Number == DeadlockVictim;
}
