using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace Osaamismerkit.Infrastructure.Http;

/// <summary>
/// Conditional GET (RFC 9110 §8.8.3, §13) for the public documents a verifier fetches again and again: each answer gets
/// an <c>ETag</c>, a repeated request with <c>If-None-Match</c> gets <c>304 Not Modified</c> without the body, and HEAD
/// answers the same headers as GET. The tag is a hash of what is sent, so it changes whenever the answer does (a
/// revocation, a re-signing, another language) without any feature having to say when it changed.
/// </summary>
public static class Revalidation
{
    /// <summary>
    /// Caches may keep a copy but must ask every time: a revoked badge has to show as revoked at once, and asking costs
    /// a 304 without the body.
    /// </summary>
    public const string CacheControl = "public, no-cache";

    /// <summary><see cref="Localization.Languages.Of"/> reads the language from the cookie or Accept-Language (and ?lang=, which is in the URL).</summary>
    public const string VaryByLanguage = "Accept-Language, Cookie";

    private static readonly string[] HeadWithGet = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>
    /// Answers the endpoints with tags and 304s, and HEAD beside GET. <paramref name="variesByLanguage"/> when the answer
    /// follows the reader's language without the language being in the URL, so that caches keep one copy per language.
    /// </summary>
    public static TBuilder Revalidated<TBuilder>(this TBuilder builder, bool variesByLanguage = false)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(AlsoHead);
        var vary = variesByLanguage ? VaryByLanguage : null;
        builder.AddEndpointFilter(async (context, next) => await next(context) switch
        {
            IResult answer => new RevalidatedResult(answer, vary),
            var other => other,
        });
        return builder;
    }

    /// <summary>A strong tag: 128 bits of SHA-256 over the bytes sent and the headers that tell how to read them.</summary>
    public static string TagOf(ReadOnlySpan<byte> body, string? contentType, string? contentDisposition)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{contentType}\n{contentDisposition}\n"));
        hash.AppendData(body);
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        hash.GetHashAndReset(digest);
        return "\"" + Base64Url.EncodeToString(digest[..16]) + "\"";
    }

    /// <summary>
    /// If-Match (§13.1.1): strong comparison, "*" matches any current answer. Absent or unreadable, nothing is required.
    /// Unreadable is read as absent rather than failed: a 200 is always a safe answer to a GET.
    /// </summary>
    public static bool IfMatchFails(HttpRequest request, string tag) =>
        Tags(request.Headers.IfMatch) is { Count: > 0 } wanted && !Matches(wanted, tag, strong: true);

    /// <summary>If-None-Match (§13.1.2): weak comparison, "*" matches any current answer; absent or unreadable never matches.</summary>
    public static bool IfNoneMatchMatches(HttpRequest request, string tag) =>
        Tags(request.Headers.IfNoneMatch) is { Count: > 0 } held && Matches(held, tag, strong: false);

    private static IList<EntityTagHeaderValue> Tags(Microsoft.Extensions.Primitives.StringValues values) =>
        values.Count > 0 && EntityTagHeaderValue.TryParseStrictList(values, out var tags) ? tags : [];

    private static bool Matches(IList<EntityTagHeaderValue> tags, string tag, bool strong)
    {
        var current = EntityTagHeaderValue.Parse(tag);
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, strong));
    }

    /// <summary>
    /// Replaces the endpoint's GET-only method metadata where it stands, so that routing, CORS preflight and the OpenAPI
    /// document all see HEAD; GET stays first for the tests that call an endpoint by its first method.
    /// </summary>
    private static void AlsoHead(EndpointBuilder endpoint)
    {
        for (var i = 0; i < endpoint.Metadata.Count; i++)
        {
            if (endpoint.Metadata[i] is IHttpMethodMetadata methods && methods.HttpMethods.SequenceEqual([HttpMethods.Get]))
            {
                endpoint.Metadata[i] = new HttpMethodMetadata(HeadWithGet, methods.AcceptCorsPreflight);
            }
        }
    }
}
