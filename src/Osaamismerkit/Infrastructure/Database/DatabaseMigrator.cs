using System.Data.Common;
using System.Reflection;
using System.Text.RegularExpressions;
using Dapper;

namespace Osaamismerkit.Infrastructure.Database;

/// <summary>
/// Applies the provider's versioned .sql scripts in name order, each once, each in its own transaction
/// together with its journal row, so a crash mid-script leaves nothing half-applied. Several instances may start at
/// once on one database: each script's transaction first takes the migration lock (SQLite's write lock at BEGIN
/// IMMEDIATE; an exclusive application lock on SQL Server) and reads the journal again under it, so the instance
/// that waited finds the script applied and skips it instead of failing on "table already exists".
/// </summary>
public sealed partial class DatabaseMigrator(Database database, ILogger<DatabaseMigrator> logger)
{
    internal const string CreateJournalSqlite = """
        CREATE TABLE IF NOT EXISTS schema_journal (
            script_name TEXT NOT NULL PRIMARY KEY,
            applied_at  TEXT NOT NULL
        );
        """;

    internal const string CreateJournalSqlServer = """
        IF OBJECT_ID(N'schema_journal', N'U') IS NULL
        CREATE TABLE schema_journal (
            script_name NVARCHAR(200) NOT NULL PRIMARY KEY,
            applied_at  DATETIMEOFFSET NOT NULL
        );
        """;

    private const string AppliedScripts = "SELECT script_name FROM schema_journal";

    private const string IsApplied = "SELECT COUNT(*) FROM schema_journal WHERE script_name = @ScriptName";

    // Held to the end of the transaction. A minute covers the longest migration another instance may be running.
    internal const string LockSqlServer = """
        DECLARE @result INT;
        EXEC @result = sp_getapplock @Resource = N'osaamismerkit:migrations', @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = 60000;
        IF @result < 0 THROW 50001, N'Another instance held the migration lock for over a minute.', 1;
        """;

    private const string RecordScript = """
        INSERT INTO schema_journal (script_name, applied_at) VALUES (@ScriptName, @AppliedAt)
        """;

    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using (var transaction = await BeginLockedAsync(connection, cancellationToken))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                database.Provider == DatabaseProvider.Sqlite ? CreateJournalSqlite : CreateJournalSqlServer, transaction: transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
        }

        // Read without the lock first: on a migrated database (every start but the first) nothing waits for anything.
        var applied = (await connection.QueryAsync<string>(AppliedScripts)).ToHashSet(StringComparer.Ordinal);
        var newlyApplied = new List<string>();
        foreach (var script in Scripts(database.Provider))
        {
            if (applied.Contains(script.Name) || !await ApplyAsync(connection, script, cancellationToken))
            {
                continue;
            }

            newlyApplied.Add(script.Name);
            logger.LogInformation("Applied migration {Script}", script.Name);
        }

        return newlyApplied;
    }

    public static IReadOnlyList<MigrationScript> Scripts(DatabaseProvider provider)
    {
        var prefix = $"migrations/{provider}/";
        var assembly = typeof(DatabaseMigrator).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => new MigrationScript(n[prefix.Length..], Read(assembly, n)))
            .ToList();
    }

    /// <summary>False when another instance applied the script while this one waited for the lock.</summary>
    private async Task<bool> ApplyAsync(DbConnection connection, MigrationScript script, CancellationToken cancellationToken)
    {
        await using var transaction = await BeginLockedAsync(connection, cancellationToken);
        if (await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                IsApplied, new { ScriptName = script.Name }, transaction, cancellationToken: cancellationToken)) > 0)
        {
            return false;
        }

        foreach (var batch in Batches(script.Sql))
        {
            await connection.ExecuteAsync(new CommandDefinition(batch, transaction: transaction, cancellationToken: cancellationToken));
        }

        await connection.ExecuteAsync(new CommandDefinition(
            RecordScript,
            new { ScriptName = script.Name, AppliedAt = DateTimeOffset.UtcNow },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>A transaction that holds the migration lock: SQLite's write lock is taken by BEGIN IMMEDIATE itself.</summary>
    private async Task<DbTransaction> BeginLockedAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (database.Provider == DatabaseProvider.SqlServer)
        {
            await connection.ExecuteAsync(new CommandDefinition(LockSqlServer, transaction: transaction, cancellationToken: cancellationToken));
        }

        return transaction;
    }

    // SQL Server needs CREATE TRIGGER alone in its batch; scripts separate batches with a line "GO".
    private static IEnumerable<string> Batches(string sql) =>
        GoLine().Split(sql).Where(b => !string.IsNullOrWhiteSpace(b));

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^\s*GO\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex GoLine();
}
