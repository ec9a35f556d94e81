using Osaamismerkit.Catalogue;
using Osaamismerkit.Verification;

namespace Osaamismerkit.PublicPages;

/// <summary>How the public pages put a badge's facts into plain words.</summary>
public static class PublicBadgeWording
{
    // The claim flow records this machine reason (Issuing/IssuingEndpoints); people read a sentence instead.
    private const string ClaimedReasonPrefix = "claimed:";

    public static string Level(BadgeDefinition badge, PageText text) => badge.Level switch
    {
        2 => text["LevelBasic"],
        3 => text["LevelNext"],
        _ => text["LevelNumber", badge.Level],
    };

    public static string? RevocationReason(string? reason, PageText text) => reason switch
    {
        not null when reason.StartsWith(ClaimedReasonPrefix, StringComparison.Ordinal) => text["ReasonClaimed"],
        Issuing.PhoneRecipientReissue.ReissuedReason => text["ReasonReissued"],
        Clients.ClientErasure.ErasedReason => text["ReasonWithdrawn"],
        _ => reason,
    };

    public static string Status(string status, PageText text) => status switch
    {
        VerificationStatus.Valid => text["StatusValid"],
        VerificationStatus.Revoked => text["StatusRevoked"],
        VerificationStatus.Expired => text["StatusExpired"],
        _ => text["StatusSignatureInvalid"],
    };
}
