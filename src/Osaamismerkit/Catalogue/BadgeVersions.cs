using System.Text.Json;
using Dapper;

namespace Osaamismerkit.Catalogue;

/// <summary>Any recorded version of a definition: the current one from the catalogue, older ones from the database.</summary>
public sealed class BadgeVersions(Catalogue catalogue, Infrastructure.Database.Database database)
{
    private const string StoredDefinition = "SELECT definition_json FROM badge_definitions WHERE badge_id = @Id AND version = @Version";

    public async Task<BadgeDefinition?> FindAsync(string id, string version, CancellationToken cancellationToken = default)
    {
        if (catalogue.Find(id) is { } current && current.Version == version)
        {
            return current;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var json = await connection.QueryFirstOrDefaultAsync<string>(new CommandDefinition(StoredDefinition, new { Id = id, Version = version }, cancellationToken: cancellationToken));
        return json is null ? null : JsonSerializer.Deserialize<BadgeDefinition>(json, CatalogueJson.Options);
    }
}
