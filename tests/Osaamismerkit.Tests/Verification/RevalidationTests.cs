using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Osaamismerkit.Assessments;
using Osaamismerkit.Clients;
using Osaamismerkit.Infrastructure.Http;
using Osaamismerkit.Issuing;
using Osaamismerkit.Staff;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Verification;

/// <summary>
/// The documents a verifier fetches on every check answer with a tag and a 304 when asked again with it (RFC 9110 §13),
/// and the tag changes exactly when the answer does.
/// </summary>
public sealed class RevalidationTests : PublicPagesTestBase
{
    private static readonly string[] Documents = ["/ob/assertions/{id}", "/ob/assertions/{id}/jws", "/b/{short}/badge.png", "/b/{short}/badge.svg"];

    [TestCaseSource(nameof(Documents))]
    public async Task A_document_asked_again_with_its_tag_is_not_modified_with_no_body_and_the_same_tag(string document)
    {
        var url = Url(document, (await IssueAsync()).Badge);

        var (first, firstBody) = await GetAsync(url);
        var (again, againBody) = await GetAsync(url, ifNoneMatch: Tag(first));

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Tag(first), Does.Match("^\"[A-Za-z0-9_-]{22}\"$"), "a strong tag of 128 bits");
        Assert.That(first.Headers.CacheControl?.ToString(), Is.EqualTo(Revalidation.CacheControl));
        Assert.That(firstBody, Is.Not.Empty);
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
        Assert.That(againBody, Is.Empty);
        Assert.That(Tag(again), Is.EqualTo(Tag(first)));
        Assert.That(again.Headers.CacheControl?.ToString(), Is.EqualTo(Revalidation.CacheControl));
        Assert.That(again.Headers.Contains("X-Content-Type-Options"), Is.True, "the security headers stay on a 304");
    }

    [Test]
    public async Task Every_public_ob_document_has_a_tag_and_answers_a_revalidation_with_304()
    {
        var (_, issued) = await IssueAsync();
        var assertion = await Scenario.JsonAsync(Anonymous, $"/ob/assertions/{issued.AssertionId}");
        var badgeClass = new Uri(assertion.GetProperty("badge").GetString()!).PathAndQuery;
        var issuer = new Uri((await Scenario.JsonAsync(Anonymous, badgeClass)).GetProperty("issuer").GetString()!).PathAndQuery;
        var key = new Uri((await Scenario.JsonAsync(Anonymous, issuer)).GetProperty("publicKey").GetString()!).PathAndQuery;

        foreach (var url in new[] { "/ob/issuer", "/ob/issuer/image.png", issuer, badgeClass, key, "/ob/revocations" })
        {
            var (first, _) = await GetAsync(url);
            var (again, body) = await GetAsync(url, ifNoneMatch: Tag(first));

            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK), url);
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotModified), url);
            Assert.That(body, Is.Empty, url);
        }
    }

    [Test]
    public async Task Revoking_a_badge_changes_the_tag_of_the_revocation_list_so_the_old_tag_gets_the_new_list()
    {
        var (_, issued) = await IssueAsync();
        var (before, _) = await GetAsync("/ob/revocations");

        await RevokeAsync(issued, RevocationReasons.IssuedInError);
        var (after, body) = await GetAsync("/ob/revocations", ifNoneMatch: Tag(before));

        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Tag(after), Is.Not.EqualTo(Tag(before)));
        Assert.That(System.Text.Encoding.UTF8.GetString(body), Does.Contain(issued.AssertionId));
    }

    [Test]
    public async Task A_plain_revocation_leaves_the_signed_assertion_and_its_tag_as_they_were_because_the_revocation_list_tells_it()
    {
        var (_, issued) = await IssueAsync();
        var url = $"/ob/assertions/{issued.AssertionId}";
        var (before, _) = await GetAsync(url);

        await RevokeAsync(issued, RevocationReasons.IssuedInError);
        var (after, _) = await GetAsync(url, ifNoneMatch: Tag(before));

        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
    }

    [Test]
    public async Task When_revocation_replaces_the_hosted_assertion_the_old_tag_gets_the_revoked_document_with_a_new_tag()
    {
        var (clientId, issued) = await IssueAsync();
        var url = $"/ob/assertions/{issued.AssertionId}";
        var (before, _) = await GetAsync(url);

        // Erasure revokes every badge of the client and replaces each hosted assertion with its revoked form.
        using var admin = Scenario.Admin();
        using var erased = await admin.PostAsJsonAsync($"/api/clients/{clientId}/erase", new ClientErasureRequest(clientId));
        Assert.That(erased.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var (after, body) = await GetAsync(url, ifNoneMatch: Tag(before));

        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Tag(after), Is.Not.EqualTo(Tag(before)));
        Assert.That(JsonDocument.Parse(body).RootElement.GetProperty("revoked").GetBoolean(), Is.True);
    }

    [Test]
    public async Task A_badge_class_in_another_language_has_another_tag()
    {
        var (_, issued) = await IssueAsync();
        var finnish = new Uri((await Scenario.JsonAsync(Anonymous, $"/ob/assertions/{issued.AssertionId}")).GetProperty("badge").GetString()!).AbsolutePath;

        var (fi, _) = await GetAsync(finnish);
        var (sv, _) = await GetAsync(finnish + "?lang=sv", ifNoneMatch: Tag(fi));

        Assert.That(sv.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the Finnish tag does not stand for the Swedish document");
        Assert.That(Tag(sv), Is.Not.EqualTo(Tag(fi)));
    }

    [Test]
    public async Task A_baked_image_named_in_the_readers_language_has_a_tag_per_language_and_says_it_varies_by_language()
    {
        var url = $"/b/{ShortIdOf((await IssueAsync()).Badge)}/badge.png";

        var (fi, _) = await GetAsync(url, language: "fi");
        var (sv, _) = await GetAsync(url, language: "sv", ifNoneMatch: Tag(fi));
        var (svAgain, _) = await GetAsync(url, language: "sv", ifNoneMatch: Tag(sv));

        Assert.That(sv.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the file name differs, so the Finnish tag does not stand for it");
        Assert.That(Tag(sv), Is.Not.EqualTo(Tag(fi)));
        Assert.That(svAgain.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
        Assert.That(sv.Headers.Vary, Is.SupersetOf(new[] { "Accept-Language", "Cookie" }));
    }

    [Test]
    public async Task The_ob_documents_do_not_vary_by_the_readers_language_header()
    {
        var url = $"/ob/assertions/{(await IssueAsync()).Badge.AssertionId}";

        var (fi, _) = await GetAsync(url, language: "fi");
        var (sv, _) = await GetAsync(url, language: "sv", ifNoneMatch: Tag(fi));

        Assert.That(sv.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
        Assert.That(fi.Headers.Vary, Does.Not.Contain("Accept-Language"));
    }

    [TestCaseSource(nameof(Documents))]
    public async Task Head_answers_the_headers_of_get_without_a_body(string document)
    {
        var url = Url(document, (await IssueAsync()).Badge);

        var (get, getBody) = await GetAsync(url);
        using var request = new HttpRequestMessage(HttpMethod.Head, url);
        using var head = await Anonymous.SendAsync(request);
        var headBody = await head.Content.ReadAsByteArrayAsync();

        Assert.That(head.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(headBody, Is.Empty);
        Assert.That(Tag(head), Is.EqualTo(Tag(get)));
        Assert.That(head.Content.Headers.ContentLength, Is.EqualTo(getBody.Length));
        Assert.That(get.Content.Headers.ContentLength, Is.EqualTo(getBody.Length));
        Assert.That(head.Content.Headers.ContentType?.ToString(), Is.EqualTo(get.Content.Headers.ContentType?.ToString()));
    }

    [Test]
    public async Task Head_with_the_tag_is_not_modified_too()
    {
        var url = $"/ob/assertions/{(await IssueAsync()).Badge.AssertionId}/jws";
        var (get, _) = await GetAsync(url);

        using var request = new HttpRequestMessage(HttpMethod.Head, url);
        request.Headers.TryAddWithoutValidation("If-None-Match", Tag(get));
        using var head = await Anonymous.SendAsync(request);

        Assert.That(head.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
    }

    [TestCase("garbage")]
    [TestCase("\"not-the-tag\"")]
    [TestCase("W/\"not-the-tag\"")]
    [TestCase("\"unterminated")]
    [TestCase("{tag}x")]
    [TestCase("")]
    public async Task A_wrong_or_unreadable_if_none_match_gets_the_whole_document(string ifNoneMatch)
    {
        var url = $"/ob/assertions/{(await IssueAsync()).Badge.AssertionId}";
        var (first, firstBody) = await GetAsync(url);

        var (again, body) = await GetAsync(url, ifNoneMatch: ifNoneMatch.Replace("{tag}", Tag(first), StringComparison.Ordinal));

        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body, Is.EqualTo(firstBody));
    }

    [TestCase("*")]
    [TestCase("W/{tag}")]
    [TestCase("\"other\", {tag}")]
    [TestCase("\"other\",{tag} , W/\"more\"")]
    public async Task If_none_match_compares_weakly_and_reads_lists_and_the_star(string ifNoneMatch)
    {
        var url = $"/ob/assertions/{(await IssueAsync()).Badge.AssertionId}";
        var (first, _) = await GetAsync(url);

        var (again, _) = await GetAsync(url, ifNoneMatch: ifNoneMatch.Replace("{tag}", Tag(first), StringComparison.Ordinal));

        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
    }

    [Test]
    public async Task A_missing_document_stays_a_404_whatever_the_precondition()
    {
        var (missing, _) = await GetAsync($"/ob/assertions/{Guid.NewGuid()}", ifNoneMatch: "*");

        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(missing.Headers.ETag, Is.Null);
    }

    [Test]
    public async Task If_match_compares_strongly_and_a_stale_tag_fails_the_precondition()
    {
        var url = $"/ob/assertions/{(await IssueAsync()).Badge.AssertionId}";
        var (first, _) = await GetAsync(url);

        using var current = await SendAsync(url, "If-Match", Tag(first));
        using var weak = await SendAsync(url, "If-Match", "W/" + Tag(first));
        using var stale = await SendAsync(url, "If-Match", "\"stale\"");

        Assert.That(current.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(weak.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
        Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
    }

    [Test]
    public async Task A_cross_origin_preflight_is_still_answered_after_head_was_added()
    {
        var url = $"/ob/assertions/{(await IssueAsync()).Badge.AssertionId}";
        using var request = new HttpRequestMessage(HttpMethod.Options, url)
        {
            Headers = { { "Origin", "https://verifier.example" }, { "Access-Control-Request-Method", "GET" }, { "Access-Control-Request-Headers", "if-none-match" } },
        };

        using var response = await Anonymous.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(response.Headers.GetValues("Access-Control-Allow-Origin").Single(), Is.EqualTo("*"));
    }

    [Test]
    public async Task The_openapi_document_lists_head_beside_get_for_the_revalidated_documents()
    {
        using var instructor = App.CreateClient().As("instructor-1", Roles.Instructor);

        var paths = (await Scenario.JsonAsync(instructor, "/openapi/v1.json")).GetProperty("paths");

        foreach (var path in new[] { "/ob/assertions/{id}", "/ob/assertions/{id}/jws", "/ob/revocations", "/b/{shortId}/badge.png", "/b/{shortId}/badge.svg" })
        {
            Assert.That(paths.GetProperty(path).TryGetProperty("head", out _), Is.True, path);
            Assert.That(paths.GetProperty(path).TryGetProperty("get", out _), Is.True, path);
        }
    }

    [Test]
    public void The_tag_follows_every_byte_and_the_headers_that_say_how_to_read_them()
    {
        byte[] body = [1, 2, 3];

        var tag = Revalidation.TagOf(body, "image/png", "attachment; filename=a.png");

        Assert.That(Revalidation.TagOf(body, "image/png", "attachment; filename=a.png"), Is.EqualTo(tag));
        Assert.That(Revalidation.TagOf([1, 2, 4], "image/png", "attachment; filename=a.png"), Is.Not.EqualTo(tag));
        Assert.That(Revalidation.TagOf(body, "image/svg+xml", "attachment; filename=a.png"), Is.Not.EqualTo(tag));
        Assert.That(Revalidation.TagOf(body, "image/png", "attachment; filename=b.png"), Is.Not.EqualTo(tag));
    }

    private static string Url(string document, IssuedBadge badge) =>
        document.Replace("{id}", badge.AssertionId, StringComparison.Ordinal).Replace("{short}", ShortIdOf(badge), StringComparison.Ordinal);

    private static string Tag(HttpResponseMessage response) => response.Headers.ETag?.ToString() ?? throw new AssertionException("no ETag");

    private async Task<(HttpResponseMessage Response, byte[] Body)> GetAsync(string url, string? ifNoneMatch = null, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        var response = await Anonymous.SendAsync(request);
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    private async Task<HttpResponseMessage> SendAsync(string url, string header, string value)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation(header, value);
        return await Anonymous.SendAsync(request);
    }
}
