using Osaamismerkit.Catalogue;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Infrastructure.Signing;

namespace Osaamismerkit.Infrastructure;

/// <summary>Brings the database and the catalogue up to date before the first request is served.</summary>
public static class StartupTasks
{
    public static async Task RunStartupTasksAsync(this WebApplication app)
    {
        var storage = Probe(app);
        await storage.EnsureWritableAsync();
        await Writing(storage, () => app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync());
        _ = app.Services.GetRequiredService<Catalogue.BadgeCatalogue>();
        await Writing(storage, async () =>
        {
            await app.Services.GetRequiredService<CatalogueSeeder>().SeedAsync();
            await app.Services.GetRequiredService<SigningKeyStore>().LoadAsync();
            // Loaded (or generated) now, so that a bad .pfx stops start-up and an unsigned set-up is said at once.
            await app.Services.GetRequiredService<Certificates.DocumentSigningCertificate>().LoadAsync();
            await app.Services.GetRequiredService<Credentials.Keys.CredentialKeyStore>().LoadAsync();
            app.Services.GetRequiredService<Clients.ContactLookupKey>().EnsureKey();
            await app.Services.GetRequiredService<Clients.ContactHashBackfill>().RunAsync();
            await using (var scope = app.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<Issuing.PhoneRecipientReissue>().RunAsync();
            }

            if (app.Environment.IsDevelopment())
            {
                await app.Services.GetRequiredService<Staff.DevelopmentUnits>().SeedAsync();
            }
        });
    }

    private static StorageProbe Probe(WebApplication app)
    {
        try
        {
            return app.Services.GetRequiredService<StorageProbe>();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The database creates its data folder when first asked for, so a folder that cannot be made fails here.
            var folder = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value.DataFolder;
            throw new StorageUnavailableException(
                $"The data folder {Path.GetFullPath(folder, app.Environment.ContentRootPath)} cannot be created or used: {e.Message} " +
                "Check the path, its permissions and free space, then start the service again.", e);
        }
    }

    /// <summary>A store that fails half-way through start-up (a disk filling up) is reported like one that failed the probe.</summary>
    private static async Task Writing(StorageProbe storage, Func<Task> write)
    {
        try
        {
            await write();
        }
        catch (Exception e) when (e is not StorageUnavailableException && storage.Describe(e) is { } message)
        {
            throw new StorageUnavailableException(message, e);
        }
    }
}
