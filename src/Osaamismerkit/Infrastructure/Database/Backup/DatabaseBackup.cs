using Dapper;
using Microsoft.Data.Sqlite;
using Osaamismerkit.Infrastructure.Auditing;
using Osaamismerkit.Issuing;

namespace Osaamismerkit.Infrastructure.Database.Backup;

/// <summary>
/// An online copy of the SQLite database with SQLite's own backup API: a consistent snapshot taken while the service
/// keeps running (readers and writers are not stopped), checked with integrity_check before it counts as a backup.
/// SQL Server and Azure SQL have their own backups; this is for the embedded default.
/// </summary>
public sealed class DatabaseBackup(Database database, Clients.KeyRing keyRing, AuditLog audit, TimeProvider clock)
{
    public sealed record Result(string File, string KeyRing, long Bytes, int Assertions, TimeSpan Took);

    public async Task<Result> WriteAsync(string target, CancellationToken cancellationToken = default)
    {
        if (database.Provider != DatabaseProvider.Sqlite)
        {
            throw new InvalidOperationException("The backup command copies the embedded SQLite database; use the server's own backups for SQL Server.");
        }

        var file = Path.GetFullPath(target);
        var keys = KeyRingBeside(file);
        if (File.Exists(file) || Directory.Exists(keys))
        {
            throw new InvalidOperationException($"{file} exists already: a backup never overwrites another.");
        }

        OwnerOnlyFolder(Path.GetDirectoryName(file)!);
        var started = clock.GetTimestamp();
        await using (var source = (SqliteConnection)await database.OpenAsync(cancellationToken))
        {
            // Written beside the target first, so that a failed or cut backup never looks like a finished one.
            var partial = file + ".partial";
            OwnerOnlyFile(partial);
            await using (var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
            {
                await destination.OpenAsync(cancellationToken);
                source.BackupDatabase(destination);
                var check = await destination.ExecuteScalarAsync<string>("PRAGMA integrity_check");
                if (check != "ok")
                {
                    throw new InvalidOperationException($"The copy failed its integrity check: {check}");
                }

                // A backup is one self-contained file: no WAL beside it.
                await destination.ExecuteAsync("PRAGMA journal_mode = DELETE");
            }

            // Contact details in the copy are encrypted with this key ring: without it a restore keeps badges, not contacts.
            // A ring kept in the database is inside the copy already, encrypted with the certificate, which stays out of it.
            if (!keyRing.InDatabase)
            {
                CopyKeyRing(keys);
            }
            File.Move(partial, file);
            await using var transaction = await source.BeginTransactionAsync(cancellationToken);
            await audit.AppendAsync(transaction, Actor.System, new AuditEntry("database.backup", "database", Path.GetFileName(file)), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await copy.OpenAsync(cancellationToken);
        var assertions = await AssertionQueries.CountAsync(copy, cancellationToken);
        return new Result(file, keyRing.InDatabase ? keyRing.Location : keys, new FileInfo(file).Length, assertions, clock.GetElapsedTime(started));
    }

    /// <summary>
    /// A backup holds the same client data as the database: created 0600 on Unix before SQLite writes to it, which would
    /// otherwise use the process umask. An empty file is a valid empty database for the backup to fill.
    /// </summary>
    private static void OwnerOnlyFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static void OwnerOnlyFile(string file)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var created = new FileStream(file, options);
    }

    /// <summary>The folder the key ring of a backup is written to: <c>&lt;backup file&gt;.data-protection-keys</c>.</summary>
    public static string KeyRingBeside(string backupFile) => Path.GetFullPath(backupFile) + "." + Clients.KeyRing.FolderName;

    private void CopyKeyRing(string target)
    {
        var partial = target + ".partial";
        if (Directory.Exists(partial))
        {
            Directory.Delete(partial, recursive: true);
        }

        OwnerOnlyFolder(partial);

        if (Directory.Exists(keyRing.Folder))
        {
            foreach (var key in Directory.EnumerateFiles(keyRing.Folder, "*.xml"))
            {
                File.Copy(key, Path.Combine(partial, Path.GetFileName(key)));
            }
        }

        Directory.Move(partial, target);
    }
}
