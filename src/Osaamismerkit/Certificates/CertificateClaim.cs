namespace Osaamismerkit.Certificates;

/// <summary>
/// A one-time claim code (XXXX-XXXX-XXXX), the page where the client types it, and that page's button label in the
/// certificate's language: the printed steps name the button the client will see.
/// </summary>
public sealed record CertificateClaim(string Code, string Url, string ButtonLabel);
