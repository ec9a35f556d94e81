using Microsoft.AspNetCore.Http.HttpResults;
using Osaamismerkit.Infrastructure.Http;
using Osaamismerkit.Infrastructure.Localization;
using Osaamismerkit.Infrastructure.Security;
using Osaamismerkit.OpenBadges;
using Osaamismerkit.Verification;

namespace Osaamismerkit.PublicPages;

/// <summary>The public badge page an employer opens from a link or a QR code, and the files it offers. Anonymous on purpose.</summary>
public static class PublicBadgeEndpoints
{
    public static IEndpointRouteBuilder MapPublicBadges(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/b/{shortId}").WithTags("Public pages").AllowAnonymous().RequireRateLimiting(RateLimits.Public);
        pages.MapGet("/", Page).WithName("PublicBadgePage").ExcludeFromDescription();
        // Each check tests one guess of an address against the hash: slowed down like claim codes.
        pages.MapPost("/check", CheckEmail).WithName("PublicBadgeEmailCheck").ExcludeFromDescription().RequireRateLimiting(RateLimits.Guessing);
        // The baked images carry the signed assertion, so they are tagged like the documents; the file name follows the reader's language.
        pages.MapGet("/badge.png", BakedPng).WithName("BakedBadgePng").Revalidated(variesByLanguage: true);
        pages.MapGet("/badge.svg", BakedSvg).WithName("BakedBadgeSvg").Revalidated(variesByLanguage: true);
        pages.MapGet("/credential.png", BakedCredentialPng).WithName("BakedCredentialPng").Revalidated(variesByLanguage: true);
        pages.MapGet("/credential.svg", BakedCredentialSvg).WithName("BakedCredentialSvg").Revalidated(variesByLanguage: true);
        pages.MapGet("/qr.svg", QrSvg).WithName("PublicBadgeQrSvg").RequireCors(PublicCors.Policy);
        pages.MapGet("/qr.png", QrPng).WithName("PublicBadgeQrPng").RequireCors(PublicCors.Policy);
        return app.MapClaimPage();
    }

    public static RazorComponentResult NotFoundPage(HttpContext context, PageText text, bool wallet = false) =>
        new RazorComponentResult<NotFoundPage>(new { Text = text, Path = context.Request.Path.Value ?? "/", Wallet = wallet })
        {
            StatusCode = StatusCodes.Status404NotFound,
        };

    private static async Task<IResult> Page(string shortId, HttpContext context, [AsParameters] BadgePageServices services, CancellationToken cancellationToken)
    {
        var text = PageText.In(Languages.Of(context));
        if (await FindAsync(shortId, services.Badges, cancellationToken) is not { } badge)
        {
            return NotFoundPage(context, text);
        }

        if (shortId != badge.ShortId)
        {
            return TypedResults.RedirectToRoute("PublicBadgePage", new { shortId = badge.ShortId }, permanent: true);
        }

        // Only the claim page sends ?claimed=1; a copied link with it still says nothing untrue of a valid badge.
        var claimed = context.Request.Query["claimed"] == "1" && badge.Check.Status == VerificationStatus.Valid;
        return Render(context, text, services.Model(badge, context) with { JustClaimed = claimed });
    }

    private static async Task<IResult> CheckEmail(string shortId, HttpContext context, [AsParameters] BadgePageServices services, CancellationToken cancellationToken)
    {
        var text = PageText.In(Languages.Of(context));
        if (await FindAsync(shortId, services.Badges, cancellationToken) is not { } badge)
        {
            return NotFoundPage(context, text);
        }

        var form = await PublicForms.ReadAsync(context, services.Antiforgery, cancellationToken);
        var model = services.Model(badge, context);
        if (form is null)
        {
            return Render(context, text, model with { FormExpired = true }, StatusCodes.Status400BadRequest);
        }

        // The field is named email, but the employer may type whatever identity they were given: phone or holder's URL too.
        var identity = form["email"].ToString().Trim();
        var outcome = RecipientCheck.Compare(badge.Check, identity);
        return Render(
            context,
            text,
            model with { Check = outcome, CheckedEmail = identity },
            outcome == RecipientCheckOutcome.Unrecognised ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    private static Task<Results<FileContentHttpResult, ProblemHttpResult>> BakedPng(
        string shortId, HttpContext context, BakedBadges baked, Catalogue.BadgeCatalogue catalogue, CancellationToken cancellationToken) =>
        BakedAsync(shortId, context, id => baked.PngAsync(id, cancellationToken), catalogue, "image/png", "png");

    private static Task<Results<FileContentHttpResult, ProblemHttpResult>> BakedSvg(
        string shortId, HttpContext context, BakedBadges baked, Catalogue.BadgeCatalogue catalogue, CancellationToken cancellationToken) =>
        BakedAsync(shortId, context, id => baked.SvgAsync(id, cancellationToken), catalogue, "image/svg+xml", "svg");

    /// <summary>The Open Badges 3.0 images: the same artwork with the badge's VC-JWT baked in.</summary>
    private static Task<Results<FileContentHttpResult, ProblemHttpResult>> BakedCredentialPng(
        string shortId, HttpContext context, BakedBadges baked, Catalogue.BadgeCatalogue catalogue, CancellationToken cancellationToken) =>
        BakedAsync(shortId, context, id => baked.CredentialPngAsync(id, cancellationToken), catalogue, "image/png", "ob3.png");

    private static Task<Results<FileContentHttpResult, ProblemHttpResult>> BakedCredentialSvg(
        string shortId, HttpContext context, BakedBadges baked, Catalogue.BadgeCatalogue catalogue, CancellationToken cancellationToken) =>
        BakedAsync(shortId, context, id => baked.CredentialSvgAsync(id, cancellationToken), catalogue, "image/svg+xml", "ob3.svg");

    private static Task<Results<ContentHttpResult, ProblemHttpResult>> QrSvg(
        string shortId, HttpContext context, PublicBadges badges, ObUrls urls, CancellationToken cancellationToken) =>
        QrAsync(shortId, context, badges, id => TypedResults.Text(QrCodes.Svg(urls.PublicPage(id)), "image/svg+xml"), cancellationToken);

    private static Task<Results<FileContentHttpResult, ProblemHttpResult>> QrPng(
        string shortId, HttpContext context, PublicBadges badges, ObUrls urls, CancellationToken cancellationToken) =>
        QrAsync(shortId, context, badges, id => TypedResults.File(QrCodes.Png(urls.PublicPage(id)), "image/png"), cancellationToken);

    private static async Task<PublicBadge?> FindAsync(string shortId, PublicBadges badges, CancellationToken cancellationToken) =>
        PublicIds.TryParse(shortId, out var id) ? await badges.FindAsync(id, cancellationToken) : null;

    /// <summary>A badge image with its assertion baked in, named for the badge in the reader's language.</summary>
    private static Task<Results<FileContentHttpResult, ProblemHttpResult>> BakedAsync(
        string shortId, HttpContext context, Func<Guid, Task<BakedBadge?>> bake, Catalogue.BadgeCatalogue catalogue, string contentType, string extension) =>
        DownloadAsync(shortId, context, async (id, text) =>
            await bake(id) is { } file ? TypedResults.File(file.Content, contentType, FileName(file, catalogue, text, extension)) : null);

    /// <summary>The QR code of the badge's public page; the address never changes, so it may be cached for a day.</summary>
    private static Task<Results<TFile, ProblemHttpResult>> QrAsync<TFile>(
        string shortId, HttpContext context, PublicBadges badges, Func<Guid, TFile> draw, CancellationToken cancellationToken)
        where TFile : class, IResult =>
        DownloadAsync(shortId, context, async (id, _) =>
        {
            if (!await badges.ExistsAsync(id, cancellationToken))
            {
                return null;
            }

            context.Response.Headers.CacheControl = "public, max-age=86400";
            return draw(id);
        });

    /// <summary>A file of the badge named in the address, or a problem in the reader's language when there is none.</summary>
    private static async Task<Results<TFile, ProblemHttpResult>> DownloadAsync<TFile>(
        string shortId, HttpContext context, Func<Guid, PageText, Task<TFile?>> answer)
        where TFile : class, IResult
    {
        var text = PageText.In(Languages.Of(context));
        if (!PublicIds.TryParse(shortId, out var id) || await answer(id, text) is not { } file)
        {
            return NotFound(text);
        }

        return file;
    }

    private static RazorComponentResult<BadgePage> Render(HttpContext context, PageText text, BadgePageModel model, int status = StatusCodes.Status200OK)
    {
        // The status is computed for this request; a cached copy could hide a revocation.
        context.Response.Headers.CacheControl = "no-cache, no-store";
        return new RazorComponentResult<BadgePage>(new { Model = model, Text = text }) { StatusCode = status };
    }

    private static string FileName(BakedBadge file, Catalogue.BadgeCatalogue catalogue, PageText text, string extension) =>
        DownloadNames.For(text["DownloadPrefix"], catalogue.Find(file.BadgeId)?.Name.In(text.Language) ?? file.BadgeId, extension);

    private static ProblemHttpResult NotFound(PageText text) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: text["NotFoundTitle"], detail: text["BadgeNotFoundDetail"]);
}
