using Osaamismerkit.Catalogue;

namespace Osaamismerkit.Issuing;

public sealed record NewAssertion(
    string ClientId,
    BadgeDefinition Badge,
    string Language,
    Recipient? Recipient,
    DateTimeOffset IssuedOn,
    string? AssessmentId = null,
    string? EvidenceNarrative = null,
    Guid? ReplacesId = null);
