namespace Osaamismerkit.Infrastructure.Database.Backup;

/// <summary><c>dotnet run --project src/Osaamismerkit -- backup &lt;file&gt;</c>: an online backup of the SQLite database.</summary>
public static class BackupCommand
{
    public static IServiceCollection AddDatabaseBackup(this IServiceCollection services) => services.AddSingleton<DatabaseBackup>();

    /// <summary>The process exit code when the arguments asked for a backup, otherwise null: run the service.</summary>
    public static async Task<int?> RunBackupCommandAsync(this WebApplication app, CommandLine commandLine)
    {
        if (commandLine.Command != "backup")
        {
            return null;
        }

        if (commandLine.Arguments.Count != 1)
        {
            app.Logger.LogCritical("Usage: backup <target file>, for example backup /var/backups/osaamismerkit-2026-11-23.db");
            return 2;
        }

        try
        {
            var result = await app.Services.GetRequiredService<DatabaseBackup>().WriteAsync(commandLine.Arguments[0]);
            app.Logger.LogInformation(
                "Backup written: {File} and its key ring {KeyRing}, {Bytes} bytes, {Assertions} assertions, in {Seconds:F1} s; integrity check ok.",
                result.File, result.KeyRing, result.Bytes, result.Assertions, result.Took.TotalSeconds);
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            app.Logger.LogCritical("Backup failed: {Message}", e.Message);
            return 1;
        }
    }
}
