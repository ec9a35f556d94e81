namespace Osaamismerkit.Resources;

/// <summary>
/// Marker for the certificate texts in CertificateTexts.resx (fi), CertificateTexts.sv.resx and
/// CertificateTexts.en.resx: headings, labels and the plain-language claim instructions printed on certificates.
/// </summary>
public sealed class CertificateTexts;
