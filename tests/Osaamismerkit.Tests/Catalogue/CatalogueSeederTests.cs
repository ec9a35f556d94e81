using Dapper;
using Osaamismerkit.Catalogue;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Catalogue;

public sealed class CatalogueSeederTests
{
    [Test]
    public async Task Start_up_records_each_definition_version_once_with_one_audit_row_each()
    {
        await using var app = await TestApp.StartAsync();
        var catalogue = app.Service<Osaamismerkit.Catalogue.BadgeCatalogue>();

        var addedAgain = await app.Service<CatalogueSeeder>().SeedAsync();

        await using var connection = await app.Service<Database>().OpenAsync();
        Assert.That(addedAgain, Is.Zero);
        Assert.That(await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM badge_definitions"), Is.EqualTo(catalogue.Badges.Count));
        Assert.That(
            await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM audit_log WHERE action = 'catalogue.version-recorded'"),
            Is.EqualTo(catalogue.Badges.Count));
    }

    [Test]
    public async Task A_definition_changed_without_a_version_bump_stops_start_up()
    {
        await using var app = await TestApp.StartAsync();
        var folder = CatalogueFiles.CopyToTemp();
        try
        {
            var id = app.Service<Osaamismerkit.Catalogue.BadgeCatalogue>().Badges[0].Id;
            CatalogueFiles.Edit(folder, id, json => json["name"]!["fi"] = "Muutettu nimi");

            var settings = app.Database.Settings();
            settings["Catalogue:DefinitionsPath"] = folder;
            await using var second = new TestAppOnExistingDatabase(settings);
            var exception = Assert.Throws<CatalogueValidationException>(() => _ = second.Server);
            Assert.That(exception!.Errors.Single().File, Is.EqualTo(id + ".json"));
            Assert.That(exception.Errors.Single().Reason, Does.Contain("bump the version"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
