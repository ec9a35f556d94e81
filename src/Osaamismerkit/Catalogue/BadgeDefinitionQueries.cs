using System.Data.Common;
using Dapper;

namespace Osaamismerkit.Catalogue;

/// <summary>Every statement on the <c>badge_definitions</c> table: each definition version ever loaded, kept as JSON.</summary>
public static class BadgeDefinitionQueries
{
    private const string Existing = "SELECT badge_id, version, content_hash FROM badge_definitions";

    private const string Insert = """
        INSERT INTO badge_definitions (badge_id, version, content_hash, definition_json, loaded_at)
        VALUES (@BadgeId, @Version, @ContentHash, @DefinitionJson, @LoadedAt)
        """;

    private const string StoredDefinition = "SELECT definition_json FROM badge_definitions WHERE badge_id = @Id AND version = @Version";

    public static async Task<IReadOnlyList<StoredDefinitionVersion>> VersionsAsync(DbTransaction transaction, CancellationToken cancellationToken) =>
        (await transaction.Connection!.QueryAsync<StoredDefinitionVersion>(new CommandDefinition(Existing, transaction: transaction, cancellationToken: cancellationToken))).ToList();

    public static Task InsertAsync(
        DbTransaction transaction, string badgeId, string version, string contentHash, string definitionJson, DateTimeOffset loadedAt,
        CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            Insert,
            new { BadgeId = badgeId, Version = version, ContentHash = contentHash, DefinitionJson = definitionJson, LoadedAt = loadedAt },
            transaction,
            cancellationToken: cancellationToken));

    /// <summary>The JSON of one recorded version, or null if that version was never loaded.</summary>
    public static Task<string?> DefinitionJsonAsync(DbConnection connection, string badgeId, string version, CancellationToken cancellationToken) =>
        connection.QueryFirstOrDefaultAsync<string>(new CommandDefinition(StoredDefinition, new { Id = badgeId, Version = version }, cancellationToken: cancellationToken));
}
