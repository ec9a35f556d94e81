using System.Security.Cryptography.X509Certificates;

namespace Osaamismerkit.Certificates.Layout;

/// <summary>How to sign one PDF: the county's document-signing certificate (with its private key) and the texts of the signature.</summary>
internal sealed record PdfSigning(X509Certificate2 Certificate, string SignerName, string Reason, string Location, DateTimeOffset SignedAt);
