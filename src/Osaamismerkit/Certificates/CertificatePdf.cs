namespace Osaamismerkit.Certificates;

/// <summary>
/// A rendered certificate and the name to save it under: in the certificate's language, plain ASCII so that no
/// browser or mail client mangles it, and never the holder's name, which would go wherever the file is copied.
/// </summary>
public sealed record CertificatePdf(byte[] Content, string FileName);
