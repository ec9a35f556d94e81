using Microsoft.AspNetCore.Antiforgery;
using Osaamismerkit.Infrastructure.Http;

namespace Osaamismerkit.StaffUi.Forms;

/// <summary>
/// Reads a staff form and says whether its antiforgery token held. The fields come back either way, so a page can
/// show an instructor's typing again instead of throwing it away; only a trusted form may change anything.
/// </summary>
public static class StaffForms
{
    public const int MaxFormBytes = 64 * 1024;

    public const int MaxLargeFormBytes = 512 * 1024;

    private static readonly FormReader Reader = new(MaxFormBytes, maxValues: 64, maxValueLength: 16 * 1024);

    // Thirty clients, each with a dozen criteria, a statement and a note, and the shared fields.
    private static readonly FormReader LargeReader = new(MaxLargeFormBytes, maxValues: 1024, maxValueLength: 16 * 1024);

    public static async Task<PostedForm?> ReadAsync(HttpContext context, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        if (await ReadUntrustedAsync(context, cancellationToken) is not { } form)
        {
            return null;
        }

        try
        {
            return new PostedForm(form, await antiforgery.IsRequestValidAsync(context));
        }
        catch (AntiforgeryValidationException)
        {
            return new PostedForm(form, false);
        }
    }

    /// <summary>The fields without any check, for keeping a draft when the sign-in has run out.</summary>
    public static Task<IFormCollection?> ReadUntrustedAsync(HttpContext context, CancellationToken cancellationToken) =>
        (context.GetEndpoint()?.Metadata.GetMetadata<LargeForm>() is null ? Reader : LargeReader).ReadAsync(context, cancellationToken);
}
