using System.Text;
using Osaamismerkit.Catalogue;
using Osaamismerkit.Credentials;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Issuing;

namespace Osaamismerkit.PublicPages;

/// <summary>
/// The badge artwork with one assertion baked in, made on request: its signed OB 2.0 JWS, or its Open Badges 3.0
/// VC-JWT (the same public credential as <c>/ob3/credentials/{id}/jwt</c>: no subject id, nothing about the holder).
/// </summary>
public sealed class BakedBadges(Database database, BadgeImages images, CredentialDocuments credentials)
{
    public async Task<BakedBadge?> PngAsync(Guid assertionId, CancellationToken cancellationToken = default) =>
        await SignedAsync(assertionId, cancellationToken) is { } signed ? Png(signed.BadgeId, signed.Jws, PngBadge.Ob2Keyword) : null;

    public async Task<BakedBadge?> SvgAsync(Guid assertionId, CancellationToken cancellationToken = default) =>
        await SignedAsync(assertionId, cancellationToken) is { } signed ? Svg(signed.BadgeId, signed.Jws, SvgBadge.Ob2Element) : null;

    public async Task<BakedBadge?> CredentialPngAsync(Guid assertionId, CancellationToken cancellationToken = default) =>
        await CredentialAsync(assertionId, cancellationToken) is { } signed ? Png(signed.BadgeId, signed.Jwt, PngBadge.Ob3Keyword) : null;

    public async Task<BakedBadge?> CredentialSvgAsync(Guid assertionId, CancellationToken cancellationToken = default) =>
        await CredentialAsync(assertionId, cancellationToken) is { } signed ? Svg(signed.BadgeId, signed.Jwt, SvgBadge.Ob3Element) : null;

    private BakedBadge? Png(string badgeId, string value, string keyword) =>
        images.Png(badgeId) is { } png ? new BakedBadge(badgeId, PngBadge.Bake(png, value, keyword)) : null;

    private BakedBadge? Svg(string badgeId, string value, System.Xml.Linq.XName element) =>
        images.Svg(badgeId) is { } svg ? new BakedBadge(badgeId, Encoding.UTF8.GetBytes(SvgBadge.Bake(Encoding.UTF8.GetString(svg), value, element))) : null;

    private async Task<AssertionDocument?> SignedAsync(Guid assertionId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var document = await AssertionQueries.DocumentAsync(connection, assertionId.ToString(), cancellationToken);
        // An erased assertion keeps its row without the signed document: there is nothing left to bake.
        return document is { Jws.Length: > 0 } ? document : null;
    }

    /// <summary>Only where the OB 2.0 document still exists, so an erased badge has no OB 3.0 image either.</summary>
    private async Task<(string BadgeId, string Jwt)?> CredentialAsync(Guid assertionId, CancellationToken cancellationToken) =>
        await SignedAsync(assertionId, cancellationToken) is { } signed && await credentials.JwtAsync(assertionId, cancellationToken: cancellationToken) is { } jwt
            ? (signed.BadgeId, jwt)
            : null;
}
