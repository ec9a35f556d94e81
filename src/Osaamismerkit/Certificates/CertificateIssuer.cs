namespace Osaamismerkit.Certificates;

/// <summary>The issuer printed in the header and the verification box; without a logo its name takes the logo's place.</summary>
public sealed record CertificateIssuer(string Name, string Url, byte[]? LogoPng = null);
