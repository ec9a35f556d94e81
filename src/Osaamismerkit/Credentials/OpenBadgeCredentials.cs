using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Osaamismerkit.Catalogue;
using Osaamismerkit.Credentials.Status;
using Osaamismerkit.Infrastructure.Localization;
using Osaamismerkit.Issuing;
using Osaamismerkit.OpenBadges;

namespace Osaamismerkit.Credentials;

/// <summary>
/// Builds the Open Badges 3.0 <c>OpenBadgeCredential</c> of an issued assertion. Nothing is stored but the status bit:
/// the credential is a second view of the signed assertion, built (and signed) when asked for, so a badge has both
/// forms from the moment it is issued, milestones included, without touching the issuing transaction.
/// </summary>
/// <remarks>
/// Privacy: the subject is identified only by a wallet's DID, bound when the wallet collects the credential (OpenID4VCI),
/// or not at all. Never by a hashed e-mail or telephone number: OB 2.0's salted hash is published with its salt, and a
/// telephone number's is brute-forced in seconds.
/// </remarks>
public sealed class OpenBadgeCredentials(
    Infrastructure.Database.Database database,
    BadgeVersions versions,
    BadgeCatalogue catalogue,
    ObUrls obUrls,
    ObDocuments obDocuments,
    CredentialUrls urls,
    StatusLists statusLists,
    IOptions<IssuerOptions> issuer)
{
    public async Task<CredentialSource?> FindAsync(Guid assertionId, CancellationToken cancellationToken = default)
    {
        VerifiableAssertion? assertion;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            assertion = await AssertionQueries.VerifiableAsync(connection, assertionId.ToString(), cancellationToken);
        }

        if (assertion is null || await versions.FindAsync(assertion.BadgeId, assertion.BadgeVersion, cancellationToken) is not { } badge)
        {
            return null;
        }

        var index = await statusLists.IndexOfAsync(assertion.Id, cancellationToken);
        return new CredentialSource(assertion, badge, PublishedEvidence(assertion.Json), index);
    }

    /// <summary>The unsigned credential; <paramref name="subjectDid"/> is the holder's wallet DID when one was bound.</summary>
    public JsonObject Build(CredentialSource source, string? subjectDid = null)
    {
        var assertion = source.Assertion;
        var language = assertion.BadgeLanguage;
        var subject = new JsonObject();
        if (subjectDid is not null)
        {
            subject["id"] = subjectDid;
        }

        subject["type"] = new JsonArray("AchievementSubject");
        subject["achievement"] = Achievement(source.Badge, language);

        var credential = new JsonObject
        {
            ["@context"] = new JsonArray(CredentialContexts.Vc2, CredentialContexts.OpenBadges),
            ["id"] = "urn:uuid:" + assertion.Id,
            ["type"] = new JsonArray("VerifiableCredential", "OpenBadgeCredential"),
            ["name"] = source.Badge.Name.In(language),
            ["issuer"] = Profile(),
            ["validFrom"] = AssertionIssuer.Timestamp(assertion.IssuedOn),
        };
        if (assertion.Expires is { } expires)
        {
            credential["validUntil"] = AssertionIssuer.Timestamp(expires);
        }

        credential["credentialSubject"] = subject;
        if (source.EvidenceNarrative is { } narrative)
        {
            credential["evidence"] = new JsonArray(new JsonObject { ["type"] = new JsonArray("Evidence"), ["narrative"] = narrative });
        }

        credential["credentialStatus"] = new JsonObject
        {
            ["id"] = urls.StatusList + "#" + source.StatusIndex,
            ["type"] = "BitstringStatusListEntry",
            ["statusPurpose"] = "revocation",
            ["statusListIndex"] = source.StatusIndex.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["statusListCredential"] = urls.StatusList,
        };
        return credential;
    }

    /// <summary>The issuer's OB 3.0 Profile; its id is the DID whose document lists the keys.</summary>
    public JsonObject Profile() => new()
    {
        ["id"] = urls.IssuerDid,
        ["type"] = new JsonArray("Profile"),
        ["name"] = issuer.Value.Name,
        ["url"] = issuer.Value.Url,
        ["email"] = issuer.Value.Email,
        ["description"] = issuer.Value.Description,
        ["image"] = new JsonObject { ["id"] = obUrls.IssuerImage, ["type"] = "Image" },
    };

    /// <summary>
    /// The Achievement in the holder's language; its id is the OB 2.0 BadgeClass of that language, a document anyone can
    /// read, and the other languages' versions are linked as <c>related</c>.
    /// </summary>
    private JsonObject Achievement(BadgeDefinition badge, string language)
    {
        var alignment = new JsonArray();
        foreach (var a in BadgeViews.Alignments(badge, catalogue.DigComp, language))
        {
            alignment.Add(new JsonObject
            {
                ["type"] = new JsonArray("Alignment"),
                ["targetName"] = $"{a.Code} {a.Name}",
                ["targetUrl"] = a.TargetUrl,
                ["targetDescription"] = a.AreaName,
                ["targetFramework"] = a.Framework,
                ["targetCode"] = a.Code,
            });
        }

        var related = new JsonArray();
        foreach (var other in Languages.Supported.Where(l => l != language))
        {
            related.Add(new JsonObject
            {
                ["id"] = obUrls.BadgeClass(badge.Id, badge.Version, other),
                ["type"] = new JsonArray("Related"),
                ["inLanguage"] = other,
                ["version"] = badge.Version,
            });
        }

        return new JsonObject
        {
            ["id"] = obUrls.BadgeClass(badge.Id, badge.Version, language),
            ["type"] = new JsonArray("Achievement"),
            ["achievementType"] = "Badge",
            ["name"] = badge.Name.In(language),
            ["description"] = badge.Description.In(language),
            ["criteria"] = new JsonObject { ["narrative"] = obDocuments.CriteriaNarrative(badge, language) },
            ["image"] = new JsonObject { ["id"] = obUrls.BadgeImage(badge.Id), ["type"] = "Image" },
            ["alignment"] = alignment,
            ["tag"] = new JsonArray(badge.Tags.Select(t => (JsonNode)JsonValue.Create(t)!).ToArray()),
            ["inLanguage"] = language,
            ["version"] = badge.Version,
            ["related"] = related,
        };
    }

    /// <summary>The statement signed into the OB 2.0 assertion — what was published — never the staff's internal note.</summary>
    private static string? PublishedEvidence(string assertionJson) =>
        JsonNode.Parse(assertionJson)?["evidence"] is JsonArray { Count: > 0 } evidence ? evidence[0]?["narrative"]?.GetValue<string>() : null;
}
