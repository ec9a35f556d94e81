using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Osaamismerkit.Infrastructure.Http;

/// <summary>
/// An endpoint's answer written into memory first, so that its tag is known before a byte goes out; then sent whole,
/// as a 304, or (HEAD) as headers only. See <see cref="Revalidation"/>.
/// </summary>
internal sealed class RevalidatedResult(IResult answer, string? vary) : IResult
{
    // The framework's file results answer these themselves, from a tag they do not have: only this class may.
    private static readonly string[] Preconditions =
        [HeaderNames.IfMatch, HeaderNames.IfNoneMatch, HeaderNames.IfModifiedSince, HeaderNames.IfUnmodifiedSince, HeaderNames.IfRange];

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var body = await WrittenAsync(httpContext);
        var request = httpContext.Request;
        var response = httpContext.Response;
        var headOnly = HttpMethods.IsHead(request.Method);
        // Preconditions apply only where the answer without them would be a success (RFC 9110 §13.2.1): a 404 stays a 404.
        if (response.StatusCode != StatusCodes.Status200OK)
        {
            await SendAsync(response, body, headOnly);
            return;
        }

        var tag = Revalidation.TagOf(body.Span, response.ContentType, response.Headers.ContentDisposition);
        if (Revalidation.IfMatchFails(request, tag))
        {
            DropRepresentationHeaders(response);
            response.StatusCode = StatusCodes.Status412PreconditionFailed;
            return;
        }

        response.Headers.ETag = tag;
        response.Headers.CacheControl = Revalidation.CacheControl;
        if (vary is not null)
        {
            response.Headers.Append(HeaderNames.Vary, vary);
        }

        if (Revalidation.IfNoneMatchMatches(request, tag))
        {
            // A 304 carries the validators and caching headers only (§15.4.5); the cache still holds the rest.
            DropRepresentationHeaders(response);
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        await SendAsync(response, body, headOnly);
    }

    private async Task<ReadOnlyMemory<byte>> WrittenAsync(HttpContext httpContext)
    {
        var request = httpContext.Request;
        var method = request.Method;
        // The framework's file results leave the body out of a HEAD answer: asked as a GET, they write what the tag and
        // Content-Length of a HEAD must describe.
        request.Method = HttpMethods.Get;
        var headers = request.Headers;
        var hidden = Preconditions.Select(name => (name, value: headers[name])).Where(h => !StringValues.IsNullOrEmpty(h.value)).ToList();
        hidden.ForEach(h => headers.Remove(h.name));
        var real = httpContext.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        var buffer = new MemoryStream();
        // Without the real feature behind it, an answer that starts the response early cannot send headers before the tag.
        var buffering = new StreamResponseBodyFeature(buffer);
        httpContext.Features.Set<IHttpResponseBodyFeature>(buffering);
        try
        {
            await answer.ExecuteAsync(httpContext);
            await buffering.CompleteAsync();
        }
        finally
        {
            httpContext.Features.Set(real);
            request.Method = method;
            hidden.ForEach(h => headers[h.name] = h.value);
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    private static async Task SendAsync(HttpResponse response, ReadOnlyMemory<byte> body, bool headOnly)
    {
        // HEAD says how long the GET answer is; Kestrel would drop a HEAD body anyway, the test server would not.
        response.ContentLength = body.Length;
        if (!headOnly)
        {
            await response.Body.WriteAsync(body, response.HttpContext.RequestAborted);
        }
    }

    private static void DropRepresentationHeaders(HttpResponse response)
    {
        response.ContentLength = null;
        response.Headers.ContentType = StringValues.Empty;
        response.Headers.ContentDisposition = StringValues.Empty;
    }
}
