using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Infrastructure.Database.Backup;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Security;

/// <summary>The data folder and backups hold client data and keys: on Unix only the service's own user may read them.</summary>
[Platform(Exclude = "Win")]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FileModeTests
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Test]
    public async Task The_data_folder_database_file_and_key_folders_are_created_for_the_owner_only()
    {
        var parent = Directory.CreateTempSubdirectory("osaamismerkit-modes-").FullName;
        var folder = Path.Combine(parent, "data");
        try
        {
            await using (var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, settings: new Dictionary<string, string?> { ["Database:DataFolder"] = folder, ["Database:ConnectionString"] = null }))
            {
                using var client = app.CreateClient();
                await client.GetAsync("/health/ready");
                await app.Service<DatabaseBackup>().WriteAsync(Path.Combine(parent, "backups", "copy.db"));
            }

            var modes = new Dictionary<string, UnixFileMode>
            {
                ["data folder"] = File.GetUnixFileMode(folder),
                ["database file"] = File.GetUnixFileMode(Path.Combine(folder, "osaamismerkit.db")),
                ["signing key folder"] = File.GetUnixFileMode(Path.Combine(folder, "signing-keys")),
                ["backup folder"] = File.GetUnixFileMode(Path.Combine(parent, "backups")),
                ["backup file"] = File.GetUnixFileMode(Path.Combine(parent, "backups", "copy.db")),
                ["backup key ring folder"] = File.GetUnixFileMode(DatabaseBackup.KeyRingBeside(Path.Combine(parent, "backups", "copy.db"))),
            };
            foreach (var key in Directory.GetFiles(Path.Combine(folder, "signing-keys")))
            {
                modes["signing key " + Path.GetFileName(key)] = File.GetUnixFileMode(key);
            }

            Assert.That(modes, Is.EquivalentTo(modes.ToDictionary(m => m.Key, m => m.Key.Contains("folder", StringComparison.Ordinal) ? OwnerOnlyFolder : OwnerOnlyFile)));
        }
        finally
        {
            Directory.Delete(parent, recursive: true);
        }
    }
}
