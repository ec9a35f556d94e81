using System.Text.Json.Nodes;
using Osaamismerkit.OpenBadges;

namespace Osaamismerkit.Issuing;

/// <summary>
/// The hosted document of a revoked assertion once its recipient must no longer be published: Open Badges 2.0 lets a
/// revoked hosted assertion drop everything but what identifies it and say <c>revoked: true</c>. No recipient hash
/// or salt, no evidence narrative.
/// </summary>
public static class RevokedAssertionForm
{
    private static readonly string[] Kept = ["@context", "type", "id", "badge", "issuedOn", "expires"];

    public static string Of(string json)
    {
        var source = JsonNode.Parse(json)!.AsObject();
        var kept = new JsonObject();
        foreach (var name in Kept)
        {
            if (source[name] is { } value)
            {
                kept[name] = value.DeepClone();
            }
        }

        kept["revoked"] = true;
        return kept.ToJsonString(ObJson.Options);
    }
}
