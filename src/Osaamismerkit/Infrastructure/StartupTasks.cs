using Osaamismerkit.Catalogue;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Infrastructure.Signing;

namespace Osaamismerkit.Infrastructure;

/// <summary>Brings the database and the catalogue up to date before the first request is served.</summary>
public static class StartupTasks
{
    public static async Task RunStartupTasksAsync(this WebApplication app)
    {
        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        _ = app.Services.GetRequiredService<Catalogue.Catalogue>();
        await app.Services.GetRequiredService<CatalogueSeeder>().SeedAsync();
        await app.Services.GetRequiredService<SigningKeyStore>().LoadAsync();
        if (app.Environment.IsDevelopment())
        {
            await app.Services.GetRequiredService<Staff.DevelopmentUnits>().SeedAsync();
        }
    }
}
