using System.Text.Json;

namespace Osaamismerkit.Catalogue;

/// <summary>Any recorded version of a definition: the current one from the catalogue, older ones from the database.</summary>
public sealed class BadgeVersions(BadgeCatalogue catalogue, Infrastructure.Database.Database database)
{
    public async Task<BadgeDefinition?> FindAsync(string id, string version, CancellationToken cancellationToken = default)
    {
        if (catalogue.Find(id) is { } current && current.Version == version)
        {
            return current;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var json = await BadgeDefinitionQueries.DefinitionJsonAsync(connection, id, version, cancellationToken);
        return json is null ? null : JsonSerializer.Deserialize<BadgeDefinition>(json, CatalogueJson.Options);
    }
}
