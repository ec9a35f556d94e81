namespace Osaamismerkit.Certificates;

/// <summary>
/// The client as printed: a display name, never the personal identity code. <paramref name="Language"/> (fi, sv
/// or en) is the language the certificate is printed in — the client's preferred one unless the request asks for
/// another — and the badge texts must be in the same language.
/// </summary>
public sealed record CertificateRecipient(string DisplayName, string Language);
