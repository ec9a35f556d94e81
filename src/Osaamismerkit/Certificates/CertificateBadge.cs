using Osaamismerkit.Catalogue;
using Osaamismerkit.Infrastructure.Localization;

namespace Osaamismerkit.Certificates;

/// <summary>
/// One issued badge as printed on a certificate. Texts are already in the certificate's language
/// (<see cref="CertificateRecipient.Language"/>); labels, level names, track names and delivery modes are
/// translated by the renderer.
/// </summary>
/// <param name="CredentialId">The assertion id, printed so a verifier can quote it.</param>
/// <param name="BadgeName">The badge name in the certificate's language.</param>
/// <param name="Level">DigComp proficiency level: 2 prints "Taso 2 – perustaso", 3 "Taso 3 – jatkotaso".</param>
/// <param name="Area">The primary DigComp competence area, 1–5, for grouping on the combined certificate.</param>
/// <param name="AreaName">That area's name in the certificate's language.</param>
/// <param name="ImagePng">The badge image; any size, drawn in a square.</param>
/// <param name="CriteriaMet">The criteria the instructor saw met, in plain words; for a milestone, its part badges.</param>
/// <param name="EvidenceNote">The instructor's short evidence note, if any.</param>
/// <param name="Alignments">DigComp alignments as "2.3 Engaging in citizenship through digital technologies".</param>
/// <param name="UnitName">The work activity site (<c>Unit</c>) where the skill was shown; null for a milestone.</param>
/// <param name="DeliveryMode">"onsite", "remote" or "hybrid" (<c>DeliveryModes</c>), printed translated; any other text is printed as is.</param>
/// <param name="DemonstratedOn">The day of the skill demonstration; null for a milestone.</param>
/// <param name="Expires">Printed as "valid until" when set.</param>
/// <param name="VerificationUrl">The public verification page; the QR code holds exactly this URL.</param>
/// <param name="ShortUrl">The same page as a short URL to type by hand, printed under the QR code.</param>
/// <param name="Claim">Set when the badge was issued to a claim-code placeholder.</param>
/// <param name="EvidenceNoteLanguage">
/// The language the instructor wrote <paramref name="EvidenceNote"/> in. It is published as written, never translated,
/// so a certificate in another language says which language the note is in.
/// </param>
public sealed record CertificateBadge(
    string CredentialId,
    string BadgeName,
    int Level,
    Track Track,
    BadgeKind Kind,
    int Area,
    string AreaName,
    byte[] ImagePng,
    IReadOnlyList<string> CriteriaMet,
    string? EvidenceNote,
    IReadOnlyList<string> Alignments,
    string? UnitName,
    string? DeliveryMode,
    DateOnly? DemonstratedOn,
    DateTimeOffset IssuedOn,
    DateTimeOffset? Expires,
    string? InstructorName,
    string? InstructorTitle,
    string VerificationUrl,
    string ShortUrl,
    CertificateClaim? Claim = null,
    string EvidenceNoteLanguage = Languages.Default);
