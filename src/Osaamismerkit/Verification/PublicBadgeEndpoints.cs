using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Osaamismerkit.Infrastructure.Http;
using Osaamismerkit.Infrastructure.Localization;
using Osaamismerkit.Infrastructure.Security;
using Osaamismerkit.OpenBadges;

namespace Osaamismerkit.Verification;

/// <summary>The public badge page an employer opens from a link or a QR code, and the files it offers. Anonymous on purpose.</summary>
public static class PublicBadgeEndpoints
{
    public static IEndpointRouteBuilder MapPublicBadges(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/b/{shortId}").WithTags("Public pages").AllowAnonymous().RequireRateLimiting(RateLimits.Public);
        pages.MapGet("/", Page).WithName("PublicBadgePage").ExcludeFromDescription();
        // Each check tests one guess of an address against the hash: slowed down like claim codes.
        pages.MapPost("/check", CheckEmail).WithName("PublicBadgeEmailCheck").ExcludeFromDescription().RequireRateLimiting(RateLimits.Guessing);
        pages.MapGet("/badge.png", BakedPng).WithName("BakedBadgePng");
        pages.MapGet("/badge.svg", BakedSvg).WithName("BakedBadgeSvg");
        pages.MapGet("/qr.svg", QrSvg).WithName("PublicBadgeQrSvg").RequireCors(PublicCors.Policy);
        pages.MapGet("/qr.png", QrPng).WithName("PublicBadgeQrPng").RequireCors(PublicCors.Policy);
        return app;
    }

    public static RazorComponentResult NotFoundPage(HttpContext context, PageText text, bool wallet = false) =>
        new RazorComponentResult<NotFoundPage>(new { Text = text, Path = context.Request.Path.Value ?? "/", Wallet = wallet })
        {
            StatusCode = StatusCodes.Status404NotFound,
        };

    private static async Task<IResult> Page(
        string shortId, HttpContext context, PublicBadges badges, ObUrls urls, PublicUrls publicUrls, IOptions<IssuerOptions> issuer, IAntiforgery antiforgery,
        CancellationToken cancellationToken)
    {
        var text = PageText.In(Languages.Of(context));
        if (!PublicIds.TryParse(shortId, out var id) || await badges.FindAsync(id, cancellationToken) is not { } badge)
        {
            return NotFoundPage(context, text);
        }

        if (shortId != badge.ShortId)
        {
            return TypedResults.RedirectToRoute("PublicBadgePage", new { shortId = badge.ShortId }, permanent: true);
        }

        return Render(context, text, Model(badge, urls, publicUrls, issuer.Value, PublicForms.Token(context, antiforgery)));
    }

    private static async Task<IResult> CheckEmail(
        string shortId, HttpContext context, PublicBadges badges, ObUrls urls, PublicUrls publicUrls, IOptions<IssuerOptions> issuer, IAntiforgery antiforgery,
        CancellationToken cancellationToken)
    {
        var text = PageText.In(Languages.Of(context));
        if (!PublicIds.TryParse(shortId, out var id) || await badges.FindAsync(id, cancellationToken) is not { } badge)
        {
            return NotFoundPage(context, text);
        }

        var form = await PublicForms.ReadAsync(context, antiforgery, cancellationToken);
        var model = Model(badge, urls, publicUrls, issuer.Value, PublicForms.Token(context, antiforgery));
        if (form is null)
        {
            return Render(context, text, model with { FormExpired = true }, StatusCodes.Status400BadRequest);
        }

        var email = form["email"].ToString().Trim();
        var outcome = RecipientCheck.Compare(badge.Check, email);
        return Render(
            context,
            text,
            model with { Check = outcome, CheckedEmail = email },
            outcome == RecipientCheckOutcome.InvalidEmail ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> BakedPng(
        string shortId, HttpContext context, BakedBadges baked, Catalogue.Catalogue catalogue, CancellationToken cancellationToken)
    {
        var text = PageText.In(Languages.Of(context));
        if (!PublicIds.TryParse(shortId, out var id) || await baked.PngAsync(id, cancellationToken) is not { } file)
        {
            return NotFound(text);
        }

        return TypedResults.File(file.Content, "image/png", FileName(file, catalogue, text, "png"));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> BakedSvg(
        string shortId, HttpContext context, BakedBadges baked, Catalogue.Catalogue catalogue, CancellationToken cancellationToken)
    {
        var text = PageText.In(Languages.Of(context));
        if (!PublicIds.TryParse(shortId, out var id) || await baked.SvgAsync(id, cancellationToken) is not { } file)
        {
            return NotFound(text);
        }

        return TypedResults.File(file.Content, "image/svg+xml", FileName(file, catalogue, text, "svg"));
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> QrSvg(
        string shortId, HttpContext context, PublicBadges badges, ObUrls urls, CancellationToken cancellationToken)
    {
        var text = PageText.In(Languages.Of(context));
        if (!PublicIds.TryParse(shortId, out var id) || !await badges.ExistsAsync(id, cancellationToken))
        {
            return NotFound(text);
        }

        context.Response.Headers.CacheControl = "public, max-age=86400";
        return TypedResults.Text(QrCodes.Svg(urls.PublicPage(id)), "image/svg+xml");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> QrPng(
        string shortId, HttpContext context, PublicBadges badges, ObUrls urls, CancellationToken cancellationToken)
    {
        var text = PageText.In(Languages.Of(context));
        if (!PublicIds.TryParse(shortId, out var id) || !await badges.ExistsAsync(id, cancellationToken))
        {
            return NotFound(text);
        }

        context.Response.Headers.CacheControl = "public, max-age=86400";
        return TypedResults.File(QrCodes.Png(urls.PublicPage(id)), "image/png");
    }

    private static BadgePageModel Model(PublicBadge badge, ObUrls urls, PublicUrls publicUrls, IssuerOptions issuer, FormToken form) => new(
        badge,
        $"/b/{badge.ShortId}",
        urls.PublicPage(badge.Id),
        urls.BadgeImage(badge.Badge.Id),
        urls.AssertionJson(badge.Id),
        publicUrls.Absolute($"/api/verify/{badge.ShortId}"),
        issuer.Name,
        issuer.Url,
        form);

    private static RazorComponentResult<BadgePage> Render(HttpContext context, PageText text, BadgePageModel model, int status = StatusCodes.Status200OK)
    {
        // The status is computed for this request; a cached copy could hide a revocation.
        context.Response.Headers.CacheControl = "no-cache, no-store";
        return new RazorComponentResult<BadgePage>(new { Model = model, Text = text }) { StatusCode = status };
    }

    private static string FileName(BakedBadge file, Catalogue.Catalogue catalogue, PageText text, string extension) =>
        DownloadNames.For(text["DownloadPrefix"], catalogue.Find(file.BadgeId)?.Name.In(text.Language) ?? file.BadgeId, extension);

    private static ProblemHttpResult NotFound(PageText text) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: text["NotFoundTitle"], detail: text["BadgeNotFoundDetail"]);
}
