using System.Text.Json.Nodes;
using Osaamismerkit.Infrastructure.Localization;
using Osaamismerkit.PublicPages;

namespace Osaamismerkit.Oid4vci;

/// <summary>
/// The Credential Issuer Metadata (OpenID4VCI 1.0 §12.2) and the OAuth Authorization Server Metadata (RFC 8414) the
/// wallet reads before the token request. The service is its own authorization server, so no <c>authorization_servers</c>.
/// </summary>
public static class IssuerMetadata
{
    public static JsonObject CredentialIssuer(string issuerId, string issuerName)
    {
        var display = new JsonArray();
        var credentialDisplay = new JsonArray();
        foreach (var language in Languages.Supported)
        {
            display.Add(new JsonObject { ["name"] = issuerName, ["locale"] = language });
            credentialDisplay.Add(new JsonObject { ["name"] = PageText.In(language)["DigitalWalletCredentialName"], ["locale"] = language });
        }

        return new JsonObject
        {
            ["credential_issuer"] = issuerId,
            ["credential_endpoint"] = issuerId + Oid4vciEndpoints.CredentialPath,
            ["nonce_endpoint"] = issuerId + Oid4vciEndpoints.NoncePath,
            ["display"] = display,
            ["credential_configurations_supported"] = new JsonObject
            {
                [CredentialOffers.ConfigurationId] = new JsonObject
                {
                    ["format"] = "jwt_vc_json",
                    ["cryptographic_binding_methods_supported"] = new JsonArray("did:jwk", "jwk"),
                    ["credential_signing_alg_values_supported"] = new JsonArray("RS256"),
                    ["proof_types_supported"] = new JsonObject
                    {
                        ["jwt"] = new JsonObject { ["proof_signing_alg_values_supported"] = new JsonArray("ES256") },
                    },
                    ["credential_definition"] = new JsonObject { ["type"] = new JsonArray("VerifiableCredential", "OpenBadgeCredential") },
                    // credential_metadata is new in 1.0: it is also how a client tells this metadata from a draft's.
                    ["credential_metadata"] = new JsonObject { ["display"] = credentialDisplay },
                },
            },
        };
    }

    public static JsonObject AuthorizationServer(string issuerId) => new()
    {
        ["issuer"] = issuerId,
        ["token_endpoint"] = issuerId + Oid4vciEndpoints.TokenPath,
        ["grant_types_supported"] = new JsonArray(CredentialOffers.PreAuthorizedGrant),
        // The code is the authorization: a wallet has no client registration with us, and needs none.
        ["pre-authorized_grant_anonymous_access_supported"] = true,
        ["token_endpoint_auth_methods_supported"] = new JsonArray("none"),
    };
}
