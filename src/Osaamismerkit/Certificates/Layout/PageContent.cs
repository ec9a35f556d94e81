using SkiaSharp;

namespace Osaamismerkit.Certificates.Layout;

/// <summary>
/// The drawing of one page, kept until the document's page count is known, so that "page 1 / 3" can be printed
/// and one certificate can flow onto a second page.
/// </summary>
internal sealed class PageContent
{
    private readonly List<Action<SKCanvas>> operations = [];

    public void Add(Action<SKCanvas> operation) => operations.Add(operation);

    public void DrawOn(SKCanvas canvas)
    {
        foreach (var operation in operations)
        {
            operation(canvas);
        }
    }
}
