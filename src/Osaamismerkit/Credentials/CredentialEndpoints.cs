using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Osaamismerkit.Credentials.Status;
using Osaamismerkit.Infrastructure.Http;
using Osaamismerkit.Infrastructure.Security;
using Osaamismerkit.OpenBadges;
using Osaamismerkit.Resources;

namespace Osaamismerkit.Credentials;

/// <summary>The public Open Badges 3.0 documents: the issuer's DID document, credentials by id, the status list. Public on purpose.</summary>
public static class CredentialEndpoints
{
    private const string JsonLd = "application/ld+json; charset=utf-8";

    public static IEndpointRouteBuilder MapCredentials(this IEndpointRouteBuilder app)
    {
        app.MapGet(CredentialUrls.DidDocumentPath, DidDocument)
            .WithTags("Open Badges 3.0").AllowAnonymous().RequireCors(PublicCors.Policy).RequireRateLimiting(RateLimits.Public).WithName("Ob3DidDocument");

        var ob3 = app.MapGroup("/ob3").WithTags("Open Badges 3.0").AllowAnonymous().RequireCors(PublicCors.Policy).RequireRateLimiting(RateLimits.Public);
        ob3.MapGet("/credentials/{id:guid}", Credential).WithName("Ob3Credential");
        ob3.MapGet("/credentials/{id:guid}/jwt", CredentialJwt).WithName("Ob3CredentialJwt");
        ob3.MapGet("/status/revocation", StatusList).WithName("Ob3StatusList");
        return app;
    }

    private static async Task<ContentHttpResult> DidDocument(DidDocuments documents, CancellationToken cancellationToken) =>
        TypedResults.Content((await documents.IssuerAsync(cancellationToken)).ToJsonString(ObJson.Options), "application/did+ld+json; charset=utf-8");

    /// <summary>
    /// Like the OB 2.0 assertion at its uuid: no subject id and nothing about the holder, so it may be public. A wallet gets
    /// its own copy bound to its DID through OpenID4VCI.
    /// </summary>
    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> CredentialJwt(
        Guid id, CredentialDocuments documents, IStringLocalizer<Messages> text, CancellationToken cancellationToken) =>
        await documents.JwtAsync(id, cancellationToken: cancellationToken) is { } jwt
            ? TypedResults.Content(jwt, VcJwt.MediaType)
            : Problems.NotFound(text, text["NotFoundTitle"]);

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Credential(
        Guid id, CredentialDocuments documents, IStringLocalizer<Messages> text, CancellationToken cancellationToken) =>
        await documents.WithProofAsync(id, cancellationToken: cancellationToken) is { } credential
            ? TypedResults.Content(credential.ToJsonString(ObJson.Options), JsonLd)
            : Problems.NotFound(text, text["NotFoundTitle"]);

    /// <summary>Signed with a Data Integrity proof, so a verifier knows the list is ours before it believes a bit.</summary>
    private static async Task<ContentHttpResult> StatusList(
        StatusListCredentials lists, CredentialDocuments documents, HttpContext context, CancellationToken cancellationToken)
    {
        // Read the moment it is asked for: a revocation shows at once, so nothing may cache it for long.
        context.Response.Headers.CacheControl = "no-cache";
        var list = documents.WithProof(await lists.RevocationAsync(cancellationToken));
        return TypedResults.Content(list.ToJsonString(ObJson.Options), JsonLd);
    }
}
