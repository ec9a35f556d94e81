using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Osaamismerkit.Infrastructure.Security;
using Osaamismerkit.OpenBadges;

namespace Osaamismerkit.Oid4vci;

/// <summary>
/// What a holder's wallet calls (OpenID4VCI 1.0): metadata, token, nonce and credential endpoints. Public on purpose: the
/// one-time code and the access token are the authorization, and errors are OAuth JSON errors, as wallets expect.
/// </summary>
public static class Oid4vciEndpoints
{
    public const string IssuerMetadataPath = "/.well-known/openid-credential-issuer";

    public const string AuthorizationServerPath = "/.well-known/oauth-authorization-server";

    public const string TokenPath = "/oid4vci/token";

    public const string NoncePath = "/oid4vci/nonce";

    public const string CredentialPath = "/oid4vci/credential";

    public static IEndpointRouteBuilder MapOid4vci(this IEndpointRouteBuilder app)
    {
        app.MapGet(IssuerMetadataPath, Metadata).WithTags("OpenID4VCI").AllowAnonymous().RequireRateLimiting(RateLimits.Public).WithName("Oid4vciIssuerMetadata");
        app.MapGet(AuthorizationServerPath, AuthorizationServer).WithTags("OpenID4VCI").AllowAnonymous().RequireRateLimiting(RateLimits.Public).WithName("Oid4vciAuthorizationServer");
        // The token endpoint takes guesses at codes: the guessing limit, though 256 random bits make guessing hopeless.
        app.MapPost(TokenPath, Token).WithTags("OpenID4VCI").AllowAnonymous().DisableAntiforgery().RequireRateLimiting(RateLimits.Guessing).WithName("Oid4vciToken");
        app.MapPost(NoncePath, Nonce).WithTags("OpenID4VCI").AllowAnonymous().DisableAntiforgery().RequireRateLimiting(RateLimits.Public).WithName("Oid4vciNonce");
        app.MapPost(CredentialPath, Credential).WithTags("OpenID4VCI").AllowAnonymous().DisableAntiforgery().RequireRateLimiting(RateLimits.Guessing).WithName("Oid4vciCredential");
        return app;
    }

    private static ContentHttpResult Metadata(CredentialOffers offers, IOptions<IssuerOptions> issuer) =>
        Json(IssuerMetadata.CredentialIssuer(offers.IssuerId, issuer.Value.Name));

    private static ContentHttpResult AuthorizationServer(CredentialOffers offers) => Json(IssuerMetadata.AuthorizationServer(offers.IssuerId));

    private static async Task<IResult> Token(HttpContext context, CredentialOffers offers, CancellationToken cancellationToken)
    {
        NoStore(context);
        // RFC 6749 §4.1.3: the token request is application/x-www-form-urlencoded; multipart is not OAuth.
        if (!context.Request.HasFormContentType || context.Request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true)
        {
            return Error(new Oid4vciError("invalid_request", "The token request is a form (application/x-www-form-urlencoded)."));
        }

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException)
        {
            return Error(new Oid4vciError("invalid_request", "The token request form could not be read."));
        }

        var outcome = await offers.TokenAsync(form["grant_type"], form["pre-authorized_code"], cancellationToken);
        return outcome.Value is { } grant
            ? Json(new JsonObject { ["access_token"] = grant.AccessToken, ["token_type"] = "Bearer", ["expires_in"] = grant.ExpiresInSeconds })
            : Error(outcome.Error!);
    }

    private static async Task<ContentHttpResult> Nonce(HttpContext context, CredentialOffers offers, CancellationToken cancellationToken)
    {
        NoStore(context);
        return Json(new JsonObject { ["c_nonce"] = await offers.NonceAsync(cancellationToken) });
    }

    /// <summary>
    /// The body is bound like every JSON endpoint's (415 for another type, 413 over the limit); its shape is checked before
    /// the token, so that a malformed request is 400 whoever sends it (RFC 6750 §3.1 invalid_request).
    /// </summary>
    private static async Task<IResult> Credential(HttpContext context, JsonObject? request, CredentialOffers offers, CancellationToken cancellationToken)
    {
        NoStore(context);
        if (request is null || Text(request["credential_configuration_id"]) is not { } configurationId)
        {
            return Error(new Oid4vciError("invalid_credential_request", "The credential request names its credential_configuration_id."));
        }

        var authorization = context.Request.Headers.Authorization.ToString();
        var accessToken = authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization["Bearer ".Length..].Trim() : null;
        var outcome = await offers.CredentialAsync(accessToken, configurationId, ProofJwt(request), cancellationToken);
        if (outcome.Value is { } credential)
        {
            return Json(new JsonObject { ["credentials"] = new JsonArray(new JsonObject { ["credential"] = credential }) });
        }

        if (outcome.Error!.Code == "invalid_token")
        {
            // RFC 6750 §3: a bad bearer token is a 401 with the error in WWW-Authenticate.
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            return Error(outcome.Error, StatusCodes.Status401Unauthorized);
        }

        return Error(outcome.Error);
    }

    /// <summary>One proof, as 1.0's <c>proofs.jwt[0]</c> or the drafts' <c>proof.jwt</c>.</summary>
    private static string? ProofJwt(JsonObject request) =>
        request["proofs"]?["jwt"] is JsonArray { Count: 1 } proofs ? Text(proofs[0])
        : request["proof"] is JsonObject proof && Text(proof["proof_type"]) == "jwt" ? Text(proof["jwt"])
        : null;

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static void NoStore(HttpContext context) => context.Response.Headers.CacheControl = "no-store";

    private static ContentHttpResult Json(JsonObject body, int status = StatusCodes.Status200OK) =>
        TypedResults.Content(body.ToJsonString(ObJson.Options), "application/json", statusCode: status);

    private static ContentHttpResult Error(Oid4vciError error, int status = StatusCodes.Status400BadRequest) =>
        Json(new JsonObject { ["error"] = error.Code, ["error_description"] = error.Description }, status);
}
