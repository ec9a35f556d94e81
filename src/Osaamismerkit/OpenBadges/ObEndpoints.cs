using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Osaamismerkit.Catalogue;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Infrastructure.Http;
using Osaamismerkit.Infrastructure.Localization;
using Osaamismerkit.Infrastructure.Security;
using Osaamismerkit.Infrastructure.Signing;
using Osaamismerkit.Issuing;
using Osaamismerkit.PublicPages;
using Osaamismerkit.Resources;

namespace Osaamismerkit.OpenBadges;

/// <summary>The hosted Open Badges 2.0 documents every verifier and backpack fetches. Public on purpose.</summary>
public static class ObEndpoints
{
    public static IEndpointRouteBuilder MapOpenBadges(this IEndpointRouteBuilder app)
    {
        // Every document here is fetched again by each verification: tagged, so that asking again costs a 304.
        var ob = app.MapGroup("/ob").WithTags("Open Badges").AllowAnonymous().RequireCors(PublicCors.Policy).RequireRateLimiting(RateLimits.Public)
            .Revalidated();
        ob.MapGet("/issuer", Issuer).WithName("ObIssuer");
        ob.MapGet("/issuer/image.png", (BadgeImages images) => TypedResults.File(images.IssuerPng(), "image/png")).WithName("ObIssuerImage");
        ob.MapGet("/issuers/{keyId}", IssuerOf).WithName("ObIssuerOfKey");
        ob.MapGet("/badges/{id}/{version}", BadgeClass).WithName("ObBadgeClass");
        ob.MapGet("/badges/{id}/{version}/{keyId}", BadgeClassOf).WithName("ObBadgeClassOfKey");
        ob.MapGet("/keys/{keyId}", Key).WithName("ObKey");
        ob.MapGet("/revocations", RevocationList).WithName("ObRevocationList");
        ob.MapGet("/assertions/{id:guid}", AssertionJson).WithName("ObAssertion");
        ob.MapGet("/assertions/{id:guid}/jws", AssertionJws).WithName("ObAssertionJws");
        return app;
    }

    private static ContentHttpResult Issuer(ObDocuments documents, SigningKeyStore keys) =>
        LinkedData(documents.Issuer(keys.Current.Id).ToJsonString(ObJson.Options));

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> IssuerOf(
        string keyId, ObDocuments documents, SigningKeyStore keys, IStringLocalizer<Messages> text, CancellationToken cancellationToken) =>
        await keys.PublicKeyPemAsync(keyId, cancellationToken) is null
            ? Problems.NotFound(text, text["NotFoundTitle"])
            : LinkedData(documents.IssuerOf(keyId).ToJsonString(ObJson.Options));

    private static Task<Results<ContentHttpResult, ProblemHttpResult>> BadgeClass(
        string id, string version, HttpContext context, BadgeVersions versions, ObDocuments documents,
        IStringLocalizer<Messages> text, CancellationToken cancellationToken) =>
        BadgeClassDocument(id, version, null, context, versions, documents, text, cancellationToken);

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> BadgeClassOf(
        string id, string version, string keyId, HttpContext context, BadgeVersions versions, ObDocuments documents,
        SigningKeyStore keys, IStringLocalizer<Messages> text, CancellationToken cancellationToken) =>
        await keys.PublicKeyPemAsync(keyId, cancellationToken) is null
            ? Problems.NotFound(text, text["NotFoundTitle"])
            : await BadgeClassDocument(id, version, keyId, context, versions, documents, text, cancellationToken);

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> BadgeClassDocument(
        string id, string version, string? keyId, HttpContext context, BadgeVersions versions, ObDocuments documents,
        IStringLocalizer<Messages> text, CancellationToken cancellationToken)
    {
        var badge = await versions.FindAsync(id, version, cancellationToken);
        if (badge is null)
        {
            return Problems.NotFound(text, text["BadgeNotFound", id]);
        }

        var lang = context.Request.Query["lang"].ToString();
        var language = Languages.IsSupported(lang) ? lang : Languages.Default;
        return LinkedData(documents.BadgeClass(badge, language, keyId).ToJsonString(ObJson.Options));
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Key(
        string keyId, ObDocuments documents, SigningKeyStore keys, IStringLocalizer<Messages> text, CancellationToken cancellationToken)
    {
        var pem = await keys.PublicKeyPemAsync(keyId, cancellationToken);
        return pem is null
            ? Problems.NotFound(text, text["NotFoundTitle"])
            : LinkedData(documents.Key(keyId, pem).ToJsonString(ObJson.Options));
    }

    private static async Task<ContentHttpResult> RevocationList(ObDocuments documents, Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var revoked = await AssertionQueries.RevokedAsync(connection, cancellationToken);
        // Only a listed reason's wording is published, in the issuer's own language; never the stored text itself.
        var wording = PageText.In(Languages.Default);
        return LinkedData(documents.RevocationList(
            revoked.Select(r => (Guid.Parse(r.Id), PublicBadgeWording.RevocationReason(r.Reason, wording) ?? string.Empty))).ToJsonString(ObJson.Options));
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> AssertionJson(
        Guid id, Database database, IStringLocalizer<Messages> text, CancellationToken cancellationToken)
    {
        var stored = await StoredAssertionAsync(database, id, cancellationToken);
        return stored is null ? Problems.NotFound(text, text["NotFoundTitle"]) : LinkedData(stored.Json);
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> AssertionJws(
        Guid id, Database database, IStringLocalizer<Messages> text, CancellationToken cancellationToken)
    {
        var stored = await StoredAssertionAsync(database, id, cancellationToken);
        return stored is null || stored.Jws.Length == 0 ? Problems.NotFound(text, text["NotFoundTitle"]) : TypedResults.Text(stored.Jws, "application/jws; charset=utf-8");
    }

    private static async Task<AssertionDocument?> StoredAssertionAsync(Database database, Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await AssertionQueries.DocumentAsync(connection, id.ToString(), cancellationToken);
    }

    private static ContentHttpResult LinkedData(string json) => TypedResults.Text(json, ObJson.ContentType);
}
