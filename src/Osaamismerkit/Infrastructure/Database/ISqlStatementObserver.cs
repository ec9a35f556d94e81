namespace Osaamismerkit.Infrastructure.Database;

/// <summary>
/// Sees each SQL statement this process runs on SQLite, as written (parameters not filled in), in the order one
/// connection runs them. Nothing in the service registers one: the tests do, to parse every text the service sends as
/// T-SQL and to check that each transaction takes its client's lock before it reads that client's badges.
/// </summary>
public interface ISqlStatementObserver
{
    /// <param name="session">Numbers one opening of a connection: statements with the same number ran one after another on it.</param>
    /// <param name="sql">One statement, including the BEGIN, COMMIT and ROLLBACK the driver sends.</param>
    void Ran(long session, string sql);
}
