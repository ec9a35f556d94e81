using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Osaamismerkit.Catalogue;
using Osaamismerkit.Infrastructure.Localization;

namespace Osaamismerkit.OpenBadges;

/// <summary>Builds the Open Badges 2.0 JSON-LD documents: Issuer, BadgeClass, CryptographicKey, RevocationList.</summary>
public sealed class ObDocuments(ObUrls urls, IOptions<IssuerOptions> issuer, Catalogue.BadgeCatalogue catalogue)
{
    /// <summary>The profile at <c>/ob/issuer</c>: the current generation's, for badges issued before generations.</summary>
    public JsonObject Issuer(string currentKeyId) => Issuer(urls.Issuer, currentKeyId);

    /// <summary>One key generation's profile: identical to every other generation's but for its id and publicKey.</summary>
    public JsonObject IssuerOf(string keyId) => Issuer(urls.IssuerOf(keyId), keyId);

    private JsonObject Issuer(string id, string keyId) => new()
    {
        ["@context"] = ObJson.Context,
        ["type"] = "Issuer",
        ["id"] = id,
        ["name"] = issuer.Value.Name,
        ["url"] = issuer.Value.Url,
        ["email"] = issuer.Value.Email,
        ["description"] = issuer.Value.Description,
        ["image"] = urls.IssuerImage,
        // The validator accepts one publicKey here and checks that the assertion's verification.creator is it.
        ["publicKey"] = urls.Key(keyId),
        ["revocationList"] = urls.RevocationList,
    };

    /// <summary>
    /// The BadgeClass of one key generation (its issuer is that generation's profile), or without a key the one that
    /// badges issued before generations point at, whose issuer is <c>/ob/issuer</c>.
    /// </summary>
    public JsonObject BadgeClass(BadgeDefinition badge, string language, string? keyId = null)
    {
        var alignment = new JsonArray();
        foreach (var a in BadgeViews.Alignments(badge, catalogue.DigComp, language))
        {
            alignment.Add(new JsonObject
            {
                ["targetName"] = $"{a.Code} {a.Name}",
                ["targetUrl"] = a.TargetUrl,
                ["targetDescription"] = a.AreaName,
                ["targetFramework"] = a.Framework,
                ["targetCode"] = a.Code,
            });
        }

        // DigComp 3.0 beside 2.2: one AlignmentObject per competence; the description names the proficiency (with the
        // badge's place on the eight-level scale) and the learning-outcome codes the criteria cover, in the framework's own codes.
        foreach (var a in BadgeViews.DigComp3Alignments(badge, catalogue.DigComp3, language))
        {
            alignment.Add(new JsonObject
            {
                ["targetName"] = $"{a.Code} {a.Name}",
                ["targetUrl"] = a.TargetUrl,
                ["targetDescription"] = string.Create(CultureInfo.InvariantCulture, $"{a.ProficiencyName} {a.EightLevel}/8 · {string.Join(", ", a.LearningOutcomes)}"),
                ["targetFramework"] = a.Framework,
                ["targetCode"] = a.Code,
            });
        }

        var related = new JsonArray();
        foreach (var other in Languages.Supported.Where(l => l != language))
        {
            related.Add(new JsonObject { ["id"] = BadgeClassUrl(badge, other, keyId), ["@language"] = other });
        }

        return new JsonObject
        {
            ["@context"] = ObJson.Context,
            ["type"] = "BadgeClass",
            ["id"] = BadgeClassUrl(badge, language, keyId),
            ["@language"] = language,
            ["name"] = badge.Name.In(language),
            ["description"] = badge.Description.In(language),
            ["image"] = urls.BadgeImage(badge.Id),
            ["criteria"] = new JsonObject { ["narrative"] = CriteriaNarrative(badge, language) },
            ["issuer"] = keyId is null ? urls.Issuer : urls.IssuerOf(keyId),
            ["alignment"] = alignment,
            ["tags"] = new JsonArray(badge.Tags.Select(t => (JsonNode)JsonValue.Create(t)!).ToArray()),
            ["related"] = related,
        };
    }

    public JsonObject Key(string keyId, string publicKeyPem) => new()
    {
        ["@context"] = ObJson.Context,
        ["type"] = "CryptographicKey",
        ["id"] = urls.Key(keyId),
        ["owner"] = urls.IssuerOf(keyId),
        ["publicKeyPem"] = publicKeyPem,
    };

    /// <summary>
    /// The id added to a revocation list of one entry: a name-based (version 5) UUID of <c>urn:osaamismerkit:no-assertion</c>
    /// in the URL namespace. Assertions get random (version 4) UUIDs, so none can have it; the nil UUID would do too, but
    /// the validator refuses ids that are not UUIDs of versions 1–5.
    /// </summary>
    public const string NoAssertion = "urn:uuid:77e8d613-9614-532a-a393-f220e8c5efbf";

    public JsonObject RevocationList(IEnumerable<(Guid Id, string Reason)> revoked)
    {
        var list = new JsonArray();
        foreach (var (id, reason) in revoked)
        {
            list.Add(new JsonObject { ["id"] = "urn:uuid:" + id, ["revocationReason"] = reason });
        }

        // The official 1EdTech validator (openbadges-validator-core, which badgecheck.io runs) compacts the list with
        // JSON-LD, which turns a one-entry array into a bare object, and then loops over that object's keys: with exactly
        // one revoked badge it calls that badge "not revoked". A second entry naming an id no badge can have keeps the
        // array an array; checked by hand with the validator, which then reports the revocation.
        if (list.Count == 1)
        {
            list.Add(new JsonObject { ["id"] = NoAssertion });
        }

        return new JsonObject
        {
            ["@context"] = ObJson.Context,
            ["type"] = "RevocationList",
            ["id"] = urls.RevocationList,
            ["issuer"] = urls.Issuer,
            ["revokedAssertions"] = list,
        };
    }

    private string BadgeClassUrl(BadgeDefinition badge, string language, string? keyId) =>
        keyId is null ? urls.BadgeClass(badge.Id, badge.Version, language) : urls.BadgeClass(badge.Id, badge.Version, language, keyId);

    /// <summary>Markdown list of the observable tasks, with the DigComp level in plain words.</summary>
    public string CriteriaNarrative(BadgeDefinition badge, string language)
    {
        var lines = badge.Criteria.Select(c => "- " + c.Text.In(language));
        var level = catalogue.DigComp.FindLevel(badge.Level);
        var footer = level is null
            ? string.Empty
            : string.Create(CultureInfo.InvariantCulture, $"\n\nDigComp 2.2: {badge.Level} – {level.Name.In(language)}: {level.Description.In(language)}");
        var eight = catalogue.DigComp3.FindEightLevel(badge.Level);
        var proficiency = catalogue.DigComp3.ProficiencyOf(badge.Level);
        if (badge.DigComp3.Count > 0 && eight is not null && proficiency is not null)
        {
            footer += string.Create(CultureInfo.InvariantCulture, $"\n\nDigComp 3.0: {proficiency.Name.In(language)} {badge.Level}/8: {eight.Description.In(language)}");
        }

        return string.Join("\n", lines) + footer;
    }
}
