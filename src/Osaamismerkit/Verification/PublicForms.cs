using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;

namespace Osaamismerkit.Verification;

/// <summary>
/// Reads a server-rendered form after checking its antiforgery token. The endpoints check it themselves instead of
/// binding [FromForm], so the public pages need no change to the shared middleware pipeline.
/// </summary>
public static class PublicForms
{
    public const int MaxFormBytes = 16 * 1024;

    private static readonly FormOptions Limits = new()
    {
        ValueCountLimit = 16,
        KeyLengthLimit = 256,
        ValueLengthLimit = 4 * 1024,
        MultipartBodyLengthLimit = MaxFormBytes,
        BufferBodyLengthLimit = MaxFormBytes,
    };

    public static async Task<IFormCollection?> ReadAsync(HttpContext context, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        if (!context.Request.HasFormContentType || context.Request.ContentLength > MaxFormBytes)
        {
            return null;
        }

        try
        {
            var form = await context.Request.ReadFormAsync(Limits, cancellationToken);
            return await antiforgery.IsRequestValidAsync(context) ? form : null;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException or AntiforgeryValidationException)
        {
            return null;
        }
    }

    public static FormToken Token(HttpContext context, IAntiforgery antiforgery) => FormToken.From(antiforgery.GetAndStoreTokens(context));
}
