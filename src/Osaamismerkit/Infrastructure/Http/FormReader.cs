using Microsoft.AspNetCore.Http.Features;

namespace Osaamismerkit.Infrastructure.Http;

/// <summary>
/// Reads a server-rendered form within its limits. The endpoints read forms themselves instead of binding [FromForm],
/// so each page decides what a missing or forged antiforgery token means; a form that is too large, malformed or cut
/// off reads as none.
/// </summary>
public sealed class FormReader(int maxBytes, int maxValues, int maxValueLength)
{
    private readonly FormOptions _limits = new()
    {
        ValueCountLimit = maxValues,
        KeyLengthLimit = 256,
        ValueLengthLimit = maxValueLength,
        MultipartBodyLengthLimit = maxBytes,
        BufferBodyLengthLimit = maxBytes,
    };

    public async Task<IFormCollection?> ReadAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (!context.Request.HasFormContentType || context.Request.ContentLength > maxBytes)
        {
            return null;
        }

        try
        {
            return await context.Request.ReadFormAsync(_limits, cancellationToken);
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            return null;
        }
    }

    /// <summary>How reading a form body fails when the body is malformed, too large or the client went away.</summary>
    public static bool IsUnreadable(Exception e) => e is InvalidDataException or IOException or BadHttpRequestException;
}
