namespace Osaamismerkit.Staff;

/// <summary>Every staff endpoint names one of these; public endpoints are anonymous on purpose.</summary>
public static class Policies
{
    /// <summary>Record assessments, issue, print, manage the clients of one's own units. Admins too.</summary>
    public const string Instructor = "Instructor";

    /// <summary>Aggregated reports and the catalogue; never client names.</summary>
    public const string ProjectStaff = "ProjectStaff";

    /// <summary>Keys, revoking anything, rotating client links, units, the audit log.</summary>
    public const string Admin = "Admin";

    /// <summary>Anyone with a staff role: documentation of the staff API (the OpenAPI document).</summary>
    public const string Staff = "Staff";
}
