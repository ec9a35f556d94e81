using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Osaamismerkit.Infrastructure.Auditing;
using Osaamismerkit.Infrastructure.Database;

namespace Osaamismerkit.Catalogue;

/// <summary>
/// Records every definition version in the database, so an assertion always points at the exact text
/// it was issued under. A definition whose content changed without a version bump stops start-up.
/// </summary>
public sealed class CatalogueSeeder(Database database, BadgeCatalogue catalogue, AuditLog audit, TimeProvider clock, ILogger<CatalogueSeeder> logger)
{
    public async Task<int> SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var existing = (await BadgeDefinitionQueries.VersionsAsync(transaction, cancellationToken)).ToDictionary(v => (v.BadgeId, v.Version));

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

            await BadgeDefinitionQueries.InsertAsync(transaction, badge.Id, badge.Version, hash, json, clock.GetUtcNow(), cancellationToken);
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
}
