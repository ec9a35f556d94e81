using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Osaamismerkit.Clients;
using Osaamismerkit.Infrastructure.Localization;
using Osaamismerkit.Infrastructure.Security;
using Osaamismerkit.Issuing;
using Osaamismerkit.OpenBadges;
using Osaamismerkit.PublicPages;
using Osaamismerkit.Verification;

namespace Osaamismerkit.Wallet;

/// <summary>
/// The client's own badge pages behind their private link: no account, no password. The link is the key, so these
/// pages are never cached and never send it on as a Referer.
/// </summary>
public static class WalletEndpoints
{
    public static IEndpointRouteBuilder MapWalletPages(this IEndpointRouteBuilder app)
    {
        // The token has 256 random bits, so guessing is hopeless; the public limit only keeps load in check while a
        // client moves between screens.
        var wallet = app.MapGroup("/w/{token}").WithTags("Wallet").AllowAnonymous().ExcludeFromDescription().RequireRateLimiting(RateLimits.Public);
        wallet.MapGet("/", List).WithName("WalletPage");
        wallet.MapGet("/b/{shortId}", Badge).WithName("WalletBadgePage");
        wallet.MapGet("/b/{shortId}/qr", Qr).WithName("WalletQrPage");
        wallet.MapGet("/b/{shortId}/digital-wallet", DigitalWallet).WithName("WalletDigitalWalletOffer");
        wallet.MapGet("/b/{shortId}/certificate.pdf", Certificate).WithName("WalletCertificate");
        wallet.MapPost("/b/{shortId}/claim", Claim).WithName("WalletClaim");
        wallet.MapGet("/name", Name).WithName("WalletNamePage");
        wallet.MapPost("/name", SetName).WithName("WalletSetName");
        return app;
    }

    private static async Task<IResult> List(
        string token, HttpContext context, WalletLinks links, WalletBadges badges, CancellationToken cancellationToken)
    {
        if (await OpenAsync(token, context, links, cancellationToken) is not ({ } client, { } text))
        {
            return NotFound(context);
        }

        var model = new WalletListModel(token, client, await badges.OfAsync(client.Id, cancellationToken));
        return new RazorComponentResult<WalletPage>(new { Model = model, Text = text });
    }

    private static async Task<IResult> Badge(
        string token, string shortId, HttpContext context, WalletLinks links, WalletBadges badges, ObUrls urls,
        IOptions<IssuerOptions> issuer, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        if (await OpenAsync(token, context, links, cancellationToken) is not ({ } client, { } text)
            || await badges.FindAsync(client.Id, shortId, cancellationToken) is not { } badge)
        {
            return NotFound(context);
        }

        var claimed = context.Request.Query["claimed"] == "1";
        return new RazorComponentResult<WalletBadgePage>(new
        {
            Model = BadgeModel(token, badge, text, urls, issuer.Value, PublicForms.Token(context, antiforgery)) with { JustClaimed = claimed },
            Text = text,
        });
    }

    private static async Task<IResult> Qr(
        string token, string shortId, HttpContext context, WalletLinks links, WalletBadges badges, ObUrls urls, CancellationToken cancellationToken)
    {
        if (await OpenAsync(token, context, links, cancellationToken) is not ({ } client, { } text)
            || await badges.FindAsync(client.Id, shortId, cancellationToken) is not { } badge)
        {
            return NotFound(context);
        }

        return new RazorComponentResult<WalletQrPage>(new { Token = token, Badge = badge, PublicUrl = urls.PublicPage(badge.Id), Text = text });
    }

    /// <summary>
    /// A fresh OpenID4VCI offer each time the page is opened: the code works once and briefly, so a reload is the way to a
    /// new one. A GET that writes, but only an unused offer that expires by itself; the page is no-store like the wallet.
    /// </summary>
    private static async Task<IResult> DigitalWallet(
        string token, string shortId, HttpContext context, WalletLinks links, WalletBadges badges, Oid4vci.CredentialOffers offers,
        IOptions<Oid4vci.CredentialOfferOptions> offerOptions, CancellationToken cancellationToken)
    {
        if (await OpenAsync(token, context, links, cancellationToken) is not ({ } client, { } text)
            || await badges.FindAsync(client.Id, shortId, cancellationToken) is not { RevokedAt: null } badge
            || await offers.CreateAsync(token, client, badge.Id, cancellationToken) is not { } offer)
        {
            return NotFound(context);
        }

        return new RazorComponentResult<WalletOfferPage>(new
        {
            Token = token,
            Badge = badge,
            OfferUri = offer.OfferUri,
            LifetimeMinutes = offerOptions.Value.CodeLifetimeMinutes,
            Text = text,
        });
    }

    private static async Task<IResult> Certificate(
        string token, string shortId, HttpContext context, WalletLinks links, WalletBadges badges, Certificates.CertificateDocuments documents,
        Infrastructure.Database.Database database, Infrastructure.Auditing.AuditLog audit, CancellationToken cancellationToken)
    {
        if (await OpenAsync(token, context, links, cancellationToken) is not ({ } client, { } text)
            || await badges.FindAsync(client.Id, shortId, cancellationToken) is not { } badge
            || await documents.BadgeAsync(client.Id, client.DisplayName, client.PreferredLanguage, badge.Id, text.Language, cancellationToken) is not { } pdf)
        {
            return NotFound(context);
        }

        await Certificates.CertificateEndpoints.RecordPrintAsync(
            database, audit, new Infrastructure.Auditing.Actor("client:" + client.Id, "Client"), "client", client.Id, badge.Id.ToString(), cancellationToken);
        return TypedResults.File(pdf.Content, "application/pdf", pdf.FileName);
    }

    private static async Task<IResult> Claim(
        string token, string shortId, HttpContext context, WalletLinks links, WalletBadges badges, BadgeClaims claims, ObUrls urls,
        IOptions<IssuerOptions> issuer, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        if (await OpenAsync(token, context, links, cancellationToken) is not ({ } client, { } text)
            || await badges.FindAsync(client.Id, shortId, cancellationToken) is not { } badge)
        {
            return NotFound(context);
        }

        var form = await PublicForms.ReadAsync(context, antiforgery, cancellationToken);
        var typed = form?["email"].ToString().Trim();
        var email = ContactDetails.NormalizeEmail(typed);
        // The address becomes the client's stored contact and the badge's recipient, so it gets the stored-text check.
        var hasIdentityCode = PersonalDataCheck.HasIdentityCode(email);
        if (form is null || email is null || hasIdentityCode)
        {
            var model = BadgeModel(token, badge, text, urls, issuer.Value, PublicForms.Token(context, antiforgery)) with
            {
                ClaimEmail = hasIdentityCode ? null : typed,
                ClaimError = form is null ? text["FormExpired"] : hasIdentityCode ? text["EmailHasIdentityCode"] : text["EmailInvalid"],
            };
            return new RazorComponentResult<WalletBadgePage>(new { Model = model, Text = text }) { StatusCode = StatusCodes.Status400BadRequest };
        }

        if (badge.ClaimCode is null || await claims.ByPlaceholderAsync(client.Id, badge.Id, email, cancellationToken) is not { } reissued)
        {
            return SeeOther(context, WalletPaths.In(WalletPaths.Badge(token, shortId), text.Language));
        }

        return SeeOther(context, $"{WalletPaths.Badge(token, ShortIds.Encode(reissued.AssertionId))}?lang={text.Language}&claimed=1");
    }

    private static async Task<IResult> Name(
        string token, HttpContext context, WalletLinks links, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        if (await OpenAsync(token, context, links, cancellationToken) is not ({ } client, { } text))
        {
            return NotFound(context);
        }

        var model = new WalletNameModel(token, client, PublicForms.Token(context, antiforgery), Saved: context.Request.Query["saved"] == "1");
        return new RazorComponentResult<WalletNamePage>(new { Model = model, Text = text });
    }

    private static async Task<IResult> SetName(
        string token, HttpContext context, WalletLinks links, NameSharing sharing, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        if (await OpenAsync(token, context, links, cancellationToken) is not ({ } client, { } text))
        {
            return NotFound(context);
        }

        var form = await PublicForms.ReadAsync(context, antiforgery, cancellationToken);
        var share = form?["share"].ToString();
        if (share is not ("on" or "off"))
        {
            var model = new WalletNameModel(token, client, PublicForms.Token(context, antiforgery), FormExpired: true);
            return new RazorComponentResult<WalletNamePage>(new { Model = model, Text = text }) { StatusCode = StatusCodes.Status400BadRequest };
        }

        await sharing.SetAsync(client.Id, share == "on", cancellationToken);
        return SeeOther(context, $"{WalletPaths.Name(token)}?lang={text.Language}&saved=1");
    }

    private static WalletBadgeModel BadgeModel(string token, WalletBadge badge, PageText text, ObUrls urls, IssuerOptions issuer, FormToken form)
    {
        var publicUrl = urls.PublicPage(badge.Id);
        var linkedIn = LinkedInLinks.For(badge.Badge.Name.In(text.Language), issuer.Name, badge.IssuedOn, badge.Expires, publicUrl, badge.Id);
        return new WalletBadgeModel(token, badge, publicUrl, linkedIn, form);
    }

    /// <summary>The wallet's client and its language: ?lang= when the client chose one, otherwise their own preferred language.</summary>
    private static async Task<(WalletClient? Client, PageText? Text)> OpenAsync(
        string token, HttpContext context, WalletLinks links, CancellationToken cancellationToken)
    {
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["Referrer-Policy"] = "no-referrer";
        context.Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        var client = await links.OpenAsync(token, cancellationToken);
        if (client is null)
        {
            return (null, null);
        }

        var chosen = context.Request.Query["lang"].ToString();
        return (client, PageText.In(Languages.IsSupported(chosen) ? chosen : client.PreferredLanguage));
    }

    private static RazorComponentResult NotFound(HttpContext context) =>
        PublicBadgeEndpoints.NotFoundPage(context, PageText.In(Languages.Of(context)), wallet: true);

    /// <summary>After a form post, 303 See Other: the browser loads the result page with GET, so reloading posts nothing twice.</summary>
    private static StatusCodeHttpResult SeeOther(HttpContext context, string url)
    {
        context.Response.Headers.Location = url;
        return TypedResults.StatusCode(StatusCodes.Status303SeeOther);
    }
}
