namespace Osaamismerkit.Verification;

/// <summary>
/// The verify API's answer for an uploaded certificate PDF: <see cref="Signature"/> is one of <see cref="PdfSignatureStatus"/>;
/// <see cref="Badges"/> holds each badge the certificate certifies with its live status, as <c>GET /api/verify/{id}</c>
/// gives it — empty when the signature is invalid or not the service's own.
/// </summary>
public sealed record CertificatePdfView(
    string Signature,
    DateTimeOffset CheckedAt,
    string? SignedBy,
    DateTimeOffset? SignedAt,
    IReadOnlyList<VerificationView> Badges);
