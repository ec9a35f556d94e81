using System.Text;
using System.Text.RegularExpressions;
using Osaamismerkit.OpenBadges;

namespace Osaamismerkit.Tests.Privacy;

/// <summary>
/// Everything an outsider can fetch about one assertion, as text: the hosted document, its JWS, the baked images
/// (whose embedded JWS is decoded too), the public page and the revocation list. What an attacker would collect.
/// </summary>
internal static partial class PublicTrace
{
    public static async Task<string> CollectAsync(HttpClient anonymous, Guid assertionId)
    {
        var shortId = ShortIds.Encode(assertionId);
        var text = new StringBuilder();
        foreach (var url in new[]
                 {
                     $"/ob/assertions/{assertionId}", $"/ob/assertions/{assertionId}/jws", $"/b/{shortId}/", $"/b/{shortId}/badge.svg",
                     $"/b/{shortId}/badge.png", "/ob/revocations", $"/api/verify/{assertionId}",
                 })
        {
            using var response = await anonymous.GetAsync(url);
            var body = Encoding.Latin1.GetString(await response.Content.ReadAsByteArrayAsync());
            text.AppendLine(body);
            foreach (Match jws in Jws().Matches(body))
            {
                text.AppendLine(Encoding.UTF8.GetString(Base64Url(jws.Groups["payload"].Value)));
            }
        }

        return text.ToString();
    }

    /// <summary>Every (hash, salt) pair published: the salts and hashes found anywhere, paired every way.</summary>
    public static IReadOnlyList<(string Hash, string Salt)> HashedIdentities(string trace)
    {
        var hashes = Hash().Matches(trace).Select(m => m.Groups["hex"].Value).Distinct().ToList();
        var salts = Salt().Matches(trace).Select(m => m.Groups["salt"].Value).Distinct().ToList();
        return hashes.SelectMany(h => salts.Select(s => (h, s))).ToList();
    }

    private static byte[] Base64Url(string value)
    {
        var padded = value.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        try
        {
            return Convert.FromBase64String(padded);
        }
        catch (FormatException)
        {
            return [];
        }
    }

    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]+\.(?<payload>eyJ[A-Za-z0-9_-]+)\.[A-Za-z0-9_-]+")]
    private static partial Regex Jws();

    [GeneratedRegex(@"sha256\$(?<hex>[0-9a-f]{64})")]
    private static partial Regex Hash();

    [GeneratedRegex(@"""salt""\s*:\s*""(?<salt>[^""]*)""")]
    private static partial Regex Salt();
}
