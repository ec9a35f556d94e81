namespace Osaamismerkit.Verification;

/// <summary>
/// A signed assertion (compact JWS) or hosted assertion URL to verify, as JSON, and optionally the recipient the
/// employer was given: an e-mail address, a telephone number or the holder's URL. Baked PNG and SVG files can be
/// posted instead, as multipart with the fields <c>file</c> and <c>recipient</c>.
/// </summary>
public sealed record VerifyRequest(string? Jws, string? Recipient = null);
