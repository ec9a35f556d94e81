namespace Osaamismerkit.Certificates.Layout;

/// <summary>The document information of a PDF; <paramref name="Created"/> comes from the caller's clock.</summary>
/// <param name="CredentialIds">The assertions a certificate certifies, kept in the document information for the verify API.</param>
internal sealed record PdfInfo(string Title, string Author, string Subject, string Keywords, string Language, DateTimeOffset Created, IReadOnlyList<string> CredentialIds)
{
    /// <summary>A second-class name (ISO 32000-1, annex E) in the document information dictionary.</summary>
    public const string CredentialsKey = "/OsaamismerkitCredentials";

    public PdfInfo(string title, string author, string subject, string keywords, string language, DateTimeOffset created)
        : this(title, author, subject, keywords, language, created, [])
    {
    }
}
