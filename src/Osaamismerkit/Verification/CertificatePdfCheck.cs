using Osaamismerkit.PublicPages;

namespace Osaamismerkit.Verification;

/// <summary>
/// An uploaded certificate PDF, checked at <see cref="CheckedAt"/>: its signature (<see cref="PdfSignatureStatus"/>), who
/// signed it and when, and the badges it certifies with their live status. <see cref="Badges"/> is empty when the signature
/// is invalid or foreign: such a file may say anything, so nothing in it is read as fact. <see cref="NamesBadges"/> says
/// whether the file named any badge at all (a PDF that names none and carries no valid signature is not a certificate).
/// </summary>
public sealed record CertificatePdfCheck(
    string Signature, DateTimeOffset CheckedAt, string? SignedBy, DateTimeOffset? SignedAt, IReadOnlyList<PublicBadge> Badges, bool NamesBadges);
