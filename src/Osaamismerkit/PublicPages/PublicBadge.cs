using Osaamismerkit.Catalogue;
using Osaamismerkit.Verification;

namespace Osaamismerkit.PublicPages;

/// <summary>One assertion as an employer sees it: the check made for this request, the badge text it was issued under,
/// and the recipient's name only when the client has chosen to share it.</summary>
public sealed record PublicBadge(Guid Id, VerificationResult Check, BadgeDefinition Badge, string? SharedName)
{
    public string ShortId => OpenBadges.ShortIds.Encode(Id);
}
