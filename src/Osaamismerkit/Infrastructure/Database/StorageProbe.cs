using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Osaamismerkit.Infrastructure.Database;

/// <summary>
/// Before anything else at start-up: can the service write its database and its data folder? A read-only, full, locked
/// or unopenable store stops start-up with one plain sentence instead of a stack trace from the first migration.
/// </summary>
public sealed class StorageProbe(Database database)
{
    public async Task EnsureWritableAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            // The data folder holds more than SQLite's file: the key ring that decrypts contact details, development keys.
            var probe = Path.Combine(database.DataFolder, $".write-probe-{Guid.NewGuid():N}");
            await File.WriteAllTextAsync(probe, string.Empty, cancellationToken);
            File.Delete(probe);

            await using var connection = await database.OpenAsync(cancellationToken);
            if (connection is SqliteConnection)
            {
                // BEGIN IMMEDIATE alone succeeds on a read-only SQLite file; rewriting user_version with its own value is
                // a real, harmless write, and the rollback keeps even that from happening.
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                var version = await connection.ExecuteScalarAsync<long>(new CommandDefinition("PRAGMA user_version", transaction: transaction, cancellationToken: cancellationToken));
                await connection.ExecuteAsync(new CommandDefinition(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"PRAGMA user_version = {version}"), transaction: transaction, cancellationToken: cancellationToken));
                await transaction.RollbackAsync(cancellationToken);
            }
        }
        catch (DbException e) when (database.Provider == DatabaseProvider.SqlServer)
        {
            throw new StorageUnavailableException($"The SQL Server database cannot be reached: {e.Message}", e);
        }
        catch (Exception e) when (Describe(e) is { } message)
        {
            throw new StorageUnavailableException(message, e);
        }
    }

    /// <summary>A plain sentence for a storage failure at start-up, or null if the exception is something else.</summary>
    public string? Describe(Exception exception) => exception switch
    {
        StorageUnavailableException e => e.Message,
        SqliteException e when SqliteFailures.IsUnavailable(e) =>
            $"The database {database.SqliteFile} cannot be used: {SqliteFailures.Reason(e)} ({e.Message.TrimEnd('.')}). " +
            $"Check that the data folder {database.DataFolder} and the files in it are writable by this service's user and that the disk has free space, then start the service again.",
        UnauthorizedAccessException or IOException =>
            $"A file the service keeps cannot be read or written: {exception.Message} (data folder {database.DataFolder}). " +
            "Check the folder's permissions and free space, then start the service again.",
        _ => null,
    };
}
