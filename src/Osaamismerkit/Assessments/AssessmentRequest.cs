namespace Osaamismerkit.Assessments;

/// <summary>
/// What the instructor saw: every criterion of the badge met or not yet, a short statement of what was demonstrated
/// (published in the badge) and, if needed, an internal note that only staff see.
/// </summary>
/// <param name="EvidenceNote">The former name of <see cref="Statement"/>, still accepted as the statement.</param>
public sealed record AssessmentRequest(
    string? ClientId,
    string? BadgeId,
    string? BadgeVersion,
    string? DemonstratedOn,
    string? UnitId,
    string? DeliveryMode,
    IReadOnlyList<CriterionResult>? Criteria,
    string? EvidenceNote)
{
    /// <summary>
    /// What the client demonstrated, in one or two sentences. Published: signed into the badge as its evidence, shown on
    /// the public badge page and printed on the certificate. No name, e-mail address, phone number or identity code (those
    /// are refused), and nothing about health, disability, life situation or how the client felt: write that, if it must
    /// be written, in the internal note.
    /// </summary>
    public string? Statement { get; init; }

    /// <summary>For staff of the client's units only: never published, never in the badge or on the certificate.</summary>
    public string? InternalNote { get; init; }
}
