using Microsoft.AspNetCore.Http.HttpResults;
using Osaamismerkit.Infrastructure.Http;
using Osaamismerkit.Infrastructure.Localization;
using Osaamismerkit.Infrastructure.Security;
using Osaamismerkit.OpenBadges;
using Osaamismerkit.PublicPages;

namespace Osaamismerkit.Verification;

/// <summary>Machine verification for employers' and schools' tools. Anonymous on purpose, CORS open.</summary>
public static class VerifyEndpoints
{
    /// <summary>Cross-origin POST of a file or JWS; no credentials, so any origin may ask.</summary>
    public const string UploadCors = "public-verify-upload";

    public static IServiceCollection AddVerifyCors(this IServiceCollection services) =>
        services.AddCors(options => options.AddPolicy(UploadCors, p => p.AllowAnyOrigin().WithMethods("POST").AllowAnyHeader()));

    public static IEndpointRouteBuilder MapVerifyApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/verify").WithTags("Verification").AllowAnonymous().RequireRateLimiting(RateLimits.Public);
        api.MapGet("/{id}", Get).WithName("VerifyBadge").RequireCors(PublicCors.Policy);
        // No Accepts metadata: it would make routing answer 415 itself, before the body is looked at. The handler
        // reads multipart, raw PNG/SVG/JWS and JSON {"jws"} bodies and answers every other case with a problem.
        api.MapPost("", Post).WithName("VerifyPresentedBadge").RequireCors(UploadCors)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(PresentedBadges.MaxBytes + (128 * 1024)));
        return app;
    }

    private static async Task<Results<Ok<VerificationView>, ProblemHttpResult>> Get(
        string id, HttpContext context, PublicBadges badges, VerificationViews views, CancellationToken cancellationToken)
    {
        var text = PageText.In(Languages.Of(context));
        if (!PublicIds.TryParse(id, out var assertionId) || await badges.FindAsync(assertionId, cancellationToken) is not { } badge)
        {
            return Problem(text, StatusCodes.Status404NotFound, "VerifyUnknown");
        }

        context.Response.Headers.CacheControl = "no-cache";
        return TypedResults.Ok(views.Of(badge, text));
    }

    private static async Task<Results<Ok<VerificationView>, Ok<CertificatePdfView>, ValidationProblem, ProblemHttpResult>> Post(
        HttpContext context, PresentedBadgeVerifier verifier, CertificatePdfVerifier certificates, PublicBadges badges, VerificationViews views, PublicUrls urls,
        CancellationToken cancellationToken)
    {
        var text = PageText.In(Languages.Of(context));
        var presented = await PresentedBadges.ReadAsync(context.Request, urls.BaseUrl, cancellationToken);
        if (presented.IsProblem)
        {
            return Problem(text, presented.ProblemStatus, presented.ProblemKey!);
        }

        if (presented.Pdf is { } pdf)
        {
            var certificate = await certificates.CheckAsync(pdf, cancellationToken);
            if (!certificate.NamesBadges && certificate.Signature != PdfSignatureStatus.Valid)
            {
                return Problem(text, StatusCodes.Status422UnprocessableEntity, "VerifyNotCertificate");
            }

            context.Response.Headers.CacheControl = "no-store";
            return TypedResults.Ok(views.Of(certificate, text));
        }

        var check = await verifier.CheckAsync(presented, cancellationToken);
        if (check is null || await badges.DescribeAsync(check, cancellationToken) is not { } badge)
        {
            return Problem(text, StatusCodes.Status404NotFound, "VerifyUnknown");
        }

        if (string.IsNullOrWhiteSpace(presented.Recipient))
        {
            return TypedResults.Ok(views.Of(badge, text));
        }

        // Asked in the body, not the URL, so that the address stays out of access logs and browser history.
        var outcome = RecipientCheck.Compare(check, presented.Recipient);
        if (outcome == RecipientCheckOutcome.Unrecognised)
        {
            var errors = new FieldErrors();
            errors.Add("recipient", text["RecipientInvalid"]);
            return TypedResults.ValidationProblem(errors.ToDictionary(), title: text["RecipientInvalidTitle"]);
        }

        return TypedResults.Ok(views.Of(badge, text, outcome == RecipientCheckOutcome.Match));
    }

    private static ProblemHttpResult Problem(PageText text, int status, string key) =>
        TypedResults.Problem(statusCode: status, title: text[key + "Title"], detail: text[key]);
}
