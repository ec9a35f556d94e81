using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using Osaamismerkit.Infrastructure.Auditing;
using Osaamismerkit.Infrastructure.Database;

namespace Osaamismerkit.Catalogue;

/// <summary>
/// Records every definition version in the database, so an assertion always points at the exact text
/// it was issued under. A definition whose content changed without a version bump stops start-up.
/// </summary>
public sealed class CatalogueSeeder(Database database, Catalogue catalogue, AuditLog audit, TimeProvider clock, ILogger<CatalogueSeeder> logger)
{
    private const string Existing = "SELECT badge_id, version, content_hash FROM badge_definitions";

    private const string Insert = """
        INSERT INTO badge_definitions (badge_id, version, content_hash, definition_json, loaded_at)
        VALUES (@BadgeId, @Version, @ContentHash, @DefinitionJson, @LoadedAt)
        """;

    public async Task<int> SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var existing = (await connection.QueryAsync<StoredVersion>(new CommandDefinition(Existing, transaction: transaction, cancellationToken: cancellationToken)))
            .ToDictionary(v => (v.BadgeId, v.Version));

        var errors = new List<CatalogueError>();
        var added = 0;
        foreach (var badge in catalogue.Badges)
        {
            var json = JsonSerializer.Serialize(badge, CatalogueJson.Options);
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
            if (existing.TryGetValue((badge.Id, badge.Version), out var stored))
            {
                if (stored.ContentHash != hash)
                {
                    errors.Add(new CatalogueError(badge.Id + ".json", "$.version", $"content changed but version {badge.Version} is already recorded; bump the version"));
                }

                continue;
            }

            await connection.ExecuteAsync(new CommandDefinition(
                Insert,
                new { BadgeId = badge.Id, badge.Version, ContentHash = hash, DefinitionJson = json, LoadedAt = clock.GetUtcNow() },
                transaction,
                cancellationToken: cancellationToken));
            await audit.AppendAsync(transaction, Actor.System, new AuditEntry("catalogue.version-recorded", "badge", badge.Id, badge.Version), cancellationToken);
            added++;
        }

        if (errors.Count > 0)
        {
            throw new CatalogueValidationException(errors);
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Catalogue: {Count} badges, {Added} new definition versions recorded", catalogue.Badges.Count, added);
        return added;
    }

    private sealed record StoredVersion(string BadgeId, string Version, string ContentHash);
}
