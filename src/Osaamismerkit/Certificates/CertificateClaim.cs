namespace Osaamismerkit.Certificates;

/// <summary>A one-time claim code (XXXX-XXXX-XXXX) and the page where the client types it.</summary>
public sealed record CertificateClaim(string Code, string Url);
