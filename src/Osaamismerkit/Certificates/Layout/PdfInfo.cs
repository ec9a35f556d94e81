namespace Osaamismerkit.Certificates.Layout;

/// <summary>The document information of a PDF; <paramref name="Created"/> comes from the caller's clock.</summary>
internal sealed record PdfInfo(string Title, string Author, string Subject, string Keywords, string Language, DateTimeOffset Created);
