using Osaamismerkit.Catalogue;
using Osaamismerkit.Verification;

namespace Osaamismerkit.PublicPages;

/// <summary>One assertion as an employer sees it: the check made for this request, the badge text it was issued under,
/// and the recipient's name only when the client has chosen to share it. <paramref name="PassedTo"/> is the badge a claim
/// issued in place of this placeholder: the placeholder stays revoked for machines, but people are shown the way on.</summary>
public sealed record PublicBadge(Guid Id, VerificationResult Check, BadgeDefinition Badge, string? SharedName, Guid? PassedTo = null)
{
    public string ShortId => OpenBadges.ShortIds.Encode(Id);
}
