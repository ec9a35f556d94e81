using PdfSharp.Pdf.Signatures;

namespace Osaamismerkit.Certificates.Layout;

/// <summary>How to sign one PDF: the signer holding the county's certificate, and the texts of the signature dictionary.</summary>
internal sealed record PdfSigning(IDigitalSigner Signer, string Reason, string Location);
