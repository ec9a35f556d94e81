using System.Net;
using System.Text.Json.Nodes;
using Osaamismerkit.Assessments;
using Osaamismerkit.Tests.Verification;

namespace Osaamismerkit.Tests.Credentials;

/// <summary>The public-pages fixture plus what a credential verifier fetches: the DID document and the status list.</summary>
public abstract class CredentialTestBase : PublicPagesTestBase
{
    protected async Task<string> JwtAsync(IssuedBadge badge)
    {
        using var response = await Anonymous.GetAsync($"/ob3/credentials/{badge.AssertionId}/jwt");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.Content.ReadAsStringAsync();
    }

    protected async Task<JsonObject> DocumentAsync(string path)
    {
        using var response = await Anonymous.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    protected Task<JsonObject> DidDocumentAsync() => DocumentAsync("/.well-known/did.json");

    protected Task<JsonObject> StatusListAsync() => DocumentAsync("/ob3/status/revocation");

    protected async Task<JsonObject> CredentialWithProofAsync(IssuedBadge badge) => await DocumentAsync($"/ob3/credentials/{badge.AssertionId}");

    /// <summary>@digitalbazaar/vc's answer, its documentLoader given the bundled contexts, our DID document and status list.</summary>
    protected async Task<JsonObject> VerifyDataIntegrityAsync(JsonObject credential, JsonObject? didDocument = null)
    {
        var did = didDocument ?? await DidDocumentAsync();
        var statusList = await StatusListAsync();
        return await CredentialCheck.RunAsync("verify-di.mjs", new JsonObject
        {
            ["credential"] = credential.DeepClone(),
            ["documents"] = new JsonObject
            {
                [did["id"]!.GetValue<string>()] = did.DeepClone(),
                [statusList["id"]!.GetValue<string>()] = statusList.DeepClone(),
            },
            ["now"] = App.Clock.GetUtcNow().ToString("O"),
        });
    }

    /// <summary>jose's answer for a VC-JWT, given only the published DID document and status list, at the test clock's time.</summary>
    protected async Task<JsonObject> VerifyJwtAsync(string jwt) =>
        await CredentialCheck.RunAsync("verify-jwt.mjs", new JsonObject
        {
            ["jwt"] = jwt,
            ["didDocument"] = await DidDocumentAsync(),
            ["statusList"] = await StatusListAsync(),
            ["now"] = App.Clock.GetUtcNow().ToString("O"),
        });
}
