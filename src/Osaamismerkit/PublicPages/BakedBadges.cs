using System.Text;
using Osaamismerkit.Catalogue;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Issuing;

namespace Osaamismerkit.PublicPages;

/// <summary>The badge artwork with one assertion's signed JWS baked in (Open Badges 2.0 baking), made on request.</summary>
public sealed class BakedBadges(Database database, BadgeImages images)
{
    public async Task<BakedBadge?> PngAsync(Guid assertionId, CancellationToken cancellationToken = default) =>
        await SignedAsync(assertionId, cancellationToken) is { } signed && images.Png(signed.BadgeId) is { } png
            ? new BakedBadge(signed.BadgeId, PngBadge.Bake(png, signed.Jws))
            : null;

    public async Task<BakedBadge?> SvgAsync(Guid assertionId, CancellationToken cancellationToken = default) =>
        await SignedAsync(assertionId, cancellationToken) is { } signed && images.Svg(signed.BadgeId) is { } svg
            ? new BakedBadge(signed.BadgeId, Encoding.UTF8.GetBytes(SvgBadge.Bake(Encoding.UTF8.GetString(svg), signed.Jws)))
            : null;

    private async Task<AssertionDocument?> SignedAsync(Guid assertionId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var document = await AssertionQueries.DocumentAsync(connection, assertionId.ToString(), cancellationToken);
        // An erased assertion keeps its row without the signed document: there is nothing left to bake.
        return document is { Jws.Length: > 0 } ? document : null;
    }
}
