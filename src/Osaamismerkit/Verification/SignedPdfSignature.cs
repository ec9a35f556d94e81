namespace Osaamismerkit.Verification;

/// <summary>
/// A PDF signature as the file lays it out: the bytes its /ByteRange says are signed, the CMS in the gap between the two
/// ranges, and the signing time from /M; <see cref="CoversWholeFile"/> is false when bytes were appended after it.
/// </summary>
public sealed record SignedPdfSignature(byte[] SignedBytes, byte[] Cms, bool CoversWholeFile, DateTimeOffset? SignedAt);
