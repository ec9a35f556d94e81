namespace Osaamismerkit.Verification;

/// <summary>A signed assertion (compact JWS) to verify, as JSON. Baked PNG and SVG files can be posted instead.</summary>
public sealed record VerifyRequest(string? Jws);
