using Osaamismerkit.Catalogue;
using Osaamismerkit.Issuing;
using Osaamismerkit.Verification;

namespace Osaamismerkit.PublicPages;

/// <summary>How the public pages put a badge's facts into plain words.</summary>
public static class PublicBadgeWording
{
    public static string Level(BadgeDefinition badge, PageText text) => badge.Level switch
    {
        1 => text["LevelFirstSteps"],
        2 => text["LevelBasic"],
        3 => text["LevelNext"],
        _ => text["LevelNumber", badge.Level],
    };

    /// <summary>Only the wording of a listed reason is published, whatever is stored (issue 14, finding 3).</summary>
    public static string? RevocationReason(string? reason, PageText text) => reason is null
        ? null
        : RevocationReasons.PublicCodeOf(reason) is var code && code == RevocationReasons.Claimed ? text["ReasonClaimed"] : text["Revocation_" + code];

    public static string Status(string status, PageText text) => status switch
    {
        VerificationStatus.Valid => text["StatusValid"],
        VerificationStatus.Revoked => text["StatusRevoked"],
        VerificationStatus.Expired => text["StatusExpired"],
        _ => text["StatusSignatureInvalid"],
    };
}
