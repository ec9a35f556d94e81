using Osaamismerkit.Catalogue;
using Osaamismerkit.Issuing;

namespace Osaamismerkit.StaffUi;

/// <summary>How the staff pages put codes and machine values into words.</summary>
public static class StaffWords
{
    // Reasons the service itself writes (Issuing/IssuingEndpoints, Assessments/AssessmentRecorder); people read a sentence.
    private const string ClaimedPrefix = "claimed:";
    private const string Renewed = "superseded by renewal";

    public static string Level(int level, StaffText text) => level switch
    {
        1 => text["LevelFirstSteps"],
        2 => text["LevelBasic"],
        3 => text["LevelNext"],
        _ => text["LevelNumber", level],
    };

    public static string Track(Track track, StaffText text) => text[track == Catalogue.Track.Citizen ? "TrackCitizen" : "TrackWorkLife"];

    public static string Status(string status, StaffText text) => status switch
    {
        AssertionStatus.Valid => text["StatusValid"],
        AssertionStatus.Revoked => text["StatusRevoked"],
        _ => text["StatusExpired"],
    };

    public static string? Reason(string? reason, StaffText text) => reason switch
    {
        null => null,
        Renewed => text["ReasonRenewed"],
        _ when reason.StartsWith(ClaimedPrefix, StringComparison.Ordinal) => text["ReasonClaimed"],
        _ when RevocationReasons.IsCode(reason) => text["Revocation_" + reason],
        _ => reason,
    };

    public static string DeliveryMode(string mode, StaffText text) => text["DeliveryMode_" + mode];

    public static string Area(Catalogue.BadgeCatalogue catalogue, int area, StaffText text) =>
        catalogue.DigComp.FindArea(area)?.Name.In(text.Language) ?? area.ToString(text.Culture);
}
