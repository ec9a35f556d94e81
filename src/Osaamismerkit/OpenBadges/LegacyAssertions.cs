using System.Data.Common;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Osaamismerkit.Infrastructure.Localization;
using Osaamismerkit.Infrastructure.Signing;
using Osaamismerkit.Issuing;

namespace Osaamismerkit.OpenBadges;

/// <summary>
/// Badges issued before key generations point at <c>/ob/badges/{id}/{version}</c>, whose issuer <c>/ob/issuer</c> names
/// only the current key, so the official validator disowns them as soon as the key changes. That URL is inside the
/// signed payload and cannot follow, so when the key changes they are signed again by the new key and bound to its
/// generation, after which no later change touches them. The holder's downloads are made from the stored JWS and
/// follow; copies taken before (a baked image saved elsewhere) still verify with us, but not with the validator.
/// </summary>
public static class LegacyAssertions
{
    public static async Task<int> BindToAsync(DbTransaction transaction, SigningKey key, CancellationToken cancellationToken)
    {
        var bound = 0;
        foreach (var document in await AssertionQueries.SignedDocumentsAsync(transaction, cancellationToken))
        {
            if (Bound(document.Json, key) is { } json)
            {
                await AssertionQueries.ResignAsync(transaction, document.Id, json, JwsSigner.Sign(json, key), key.Id, cancellationToken);
                bound++;
            }
        }

        return bound;
    }

    /// <summary>The assertion pointed at <paramref name="key"/>'s generation, or null if it already names a generation.</summary>
    public static string? Bound(string assertionJson, SigningKey key)
    {
        if (JsonNode.Parse(assertionJson) is not JsonObject assertion
            || assertion["badge"] is not JsonValue badgeValue
            || !badgeValue.TryGetValue<string>(out var badge)
            || !Uri.TryCreate(badge, UriKind.Absolute, out var badgeUrl))
        {
            return null;
        }

        var segments = badgeUrl.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var at = badge.IndexOf("/ob/badges/", StringComparison.Ordinal);
        if (at < 0 || segments.Length < 4 || segments[^4] != "ob" || segments[^3] != "badges")
        {
            return null;
        }

        // The base is the one the badge was issued under, not this process's: at start-up there is no request to ask.
        var origin = badge[..at];
        var language = QueryHelpers.ParseQuery(badgeUrl.Query).TryGetValue("lang", out var lang) && Languages.IsSupported(lang.ToString())
            ? lang.ToString()
            : Languages.Default;
        assertion["badge"] = origin + ObUrls.BadgeClassPath(segments[^2], segments[^1], language, key.Id);
        assertion["verification"] = new JsonObject { ["type"] = "SignedBadge", ["creator"] = origin + ObUrls.KeyPath(key.Id) };
        return assertion.ToJsonString(ObJson.Options);
    }
}
