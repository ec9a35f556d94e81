namespace Osaamismerkit.Tests.Support.SqlCapture;

/// <summary>
/// The rule of ClientQueries.LockAsync, checked on a transaction as it ran: a transaction that writes and reads a
/// client's badges or baselines reads them only after it took that client's lock (the UPDATE of clients.lock_version).
/// On SQL Server that lock is what makes the second of two such transactions read what the first committed; SQLite's
/// BEGIN IMMEDIATE hides a missing one, which is why the order is checked here and not left to a race.
/// </summary>
public static class LockOrder
{
    /// <summary>Tables that hold a client's badges (and claim codes) and baselines.</summary>
    public static readonly IReadOnlySet<string> ClientTables = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "assertions", "baselines" };

    /// <summary>
    /// Null when the transaction keeps the rule, otherwise why not. A read that sweeps every client's rows (the key
    /// rotation's re-signing, the phone re-issue's list) is not one client's: such a transaction locks each client it then
    /// writes, and its conditional write (a revocation of a row not yet revoked) decides which instance wins.
    /// </summary>
    public static string? Violation(IReadOnlyList<TSqlText> transaction)
    {
        if (!transaction.Any(s => s.Writes.Count > 0 && !s.IsClientLock))
        {
            return null;
        }

        var firstRead = transaction.ToList().FindIndex(s => s.Reads.Overlaps(ClientTables) && s.PicksByKey);
        // A client inserted earlier in the same transaction is invisible to every other one until commit: nothing to order.
        if (firstRead < 0 || transaction.Take(firstRead).Any(s => s.IsClientLock || s.InsertsClient))
        {
            return null;
        }

        return $"reads {string.Join(", ", transaction[firstRead].Reads.Intersect(ClientTables))} before it takes the client's lock, in statement {firstRead + 1}:\n{transaction[firstRead].Sql}";
    }
}
