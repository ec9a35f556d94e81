using Microsoft.AspNetCore.Antiforgery;
using Osaamismerkit.Infrastructure.Http;

namespace Osaamismerkit.PublicPages;

/// <summary>
/// Reads a public page's form only when its antiforgery token holds: an anonymous visitor has no typing worth keeping,
/// so a form that fails the check reads as none.
/// </summary>
public static class PublicForms
{
    public const int MaxFormBytes = 16 * 1024;

    private static readonly FormReader Reader = new(MaxFormBytes, maxValues: 16, maxValueLength: 4 * 1024);

    public static async Task<IFormCollection?> ReadAsync(HttpContext context, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        if (await Reader.ReadAsync(context, cancellationToken) is not { } form)
        {
            return null;
        }

        try
        {
            return await antiforgery.IsRequestValidAsync(context) ? form : null;
        }
        catch (Exception e) when (e is AntiforgeryValidationException || FormReader.IsUnreadable(e))
        {
            return null;
        }
    }

    public static FormToken Token(HttpContext context, IAntiforgery antiforgery) => FormToken.From(antiforgery.GetAndStoreTokens(context));
}
