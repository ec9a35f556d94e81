namespace Osaamismerkit.Certificates.Layout;

/// <summary>
/// The drawing of one page, kept until the document's page count is known, so that "page 1 / 3" can be printed
/// and one certificate can flow onto a second page. The order of the operations is the reading order of the tagged
/// PDF, so what is read first (the page header) is put first even when it is composed last.
/// </summary>
internal sealed class PageContent
{
    private readonly List<Action<PdfCanvas>> operations = [];

    public void Add(Action<PdfCanvas> operation) => operations.Add(operation);

    /// <summary>Adds an operation that draws before everything added so far.</summary>
    public void AddFirst(Action<PdfCanvas> operation) => operations.Insert(0, operation);

    public void DrawOn(PdfCanvas canvas)
    {
        foreach (var operation in operations)
        {
            operation(canvas);
        }
    }
}
