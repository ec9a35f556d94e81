using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Osaamismerkit.Infrastructure.Http;
using Osaamismerkit.Infrastructure.Localization;
using Osaamismerkit.Infrastructure.Security;
using Osaamismerkit.OpenBadges;
using Osaamismerkit.PublicPages;

namespace Osaamismerkit.Verification;

/// <summary>
/// The verify page for people: an employer chooses the certificate PDF or badge image they were given, or pastes the
/// badge's text (an OB 2.0 JWS, an OB 3.0 VC-JWT or credential JSON), and reads the answer in plain words. The same reading and checks as <c>POST /api/verify</c>; anonymous on purpose. The form carries
/// no antiforgery token: checking a file changes nothing, so a forged post can do no harm.
/// </summary>
public static class VerifyPageEndpoints
{
    public const string Path = "/verify";

    public static IEndpointRouteBuilder MapVerifyPage(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, Show).WithTags("Public pages").WithName("VerifyPage").ExcludeFromDescription()
            .AllowAnonymous().RequireRateLimiting(RateLimits.Public);
        app.MapPost(Path, Check).WithTags("Public pages").WithName("VerifyPageCheck").ExcludeFromDescription()
            .AllowAnonymous().RequireRateLimiting(RateLimits.Public)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(PresentedBadges.MaxBytes + (128 * 1024)));
        return app;
    }

    private static RazorComponentResult<VerifyPage> Show(HttpContext context, IOptions<IssuerOptions> issuer) =>
        Render(context, PageText.In(Languages.Of(context)), new VerifyPageModel(issuer.Value.Name));

    private static async Task<RazorComponentResult<VerifyPage>> Check(
        HttpContext context, PresentedBadgeVerifier verifier, CertificatePdfVerifier certificates, PublicBadges badges, PublicUrls urls,
        IOptions<IssuerOptions> issuer, CancellationToken cancellationToken)
    {
        var text = PageText.In(Languages.Of(context));
        var model = new VerifyPageModel(issuer.Value.Name);
        var presented = await PresentedBadges.ReadAsync(context.Request, urls.BaseUrl, cancellationToken);
        if (presented.IsProblem)
        {
            return Render(context, text, Problem(model, text, presented.ProblemKey!), presented.ProblemStatus);
        }

        if (presented.Pdf is { } pdf)
        {
            var certificate = await certificates.CheckAsync(pdf, cancellationToken);
            return !certificate.NamesBadges && certificate.Signature != PdfSignatureStatus.Valid
                ? Render(context, text, Problem(model, text, "VerifyNotCertificate"), StatusCodes.Status422UnprocessableEntity)
                : Render(context, text, model with { Certificate = certificate, Badges = certificate.Badges });
        }

        var check = await verifier.CheckAsync(presented, cancellationToken);
        return check is not null && await badges.DescribeAsync(check, cancellationToken) is { } badge
            ? Render(context, text, model with { Badges = [badge] })
            : Render(context, text, Problem(model, text, "VerifyUnknown"), StatusCodes.Status404NotFound);
    }

    private static VerifyPageModel Problem(VerifyPageModel model, PageText text, string key) =>
        model with { ProblemTitle = text[key + "Title"], ProblemDetail = text[key] };

    private static RazorComponentResult<VerifyPage> Render(HttpContext context, PageText text, VerifyPageModel model, int status = StatusCodes.Status200OK)
    {
        // The statuses are computed for this request; a cached copy could hide a revocation.
        context.Response.Headers.CacheControl = "no-cache, no-store";
        return new RazorComponentResult<VerifyPage>(new { Model = model, Text = text }) { StatusCode = status };
    }
}
