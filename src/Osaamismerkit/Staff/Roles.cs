namespace Osaamismerkit.Staff;

/// <summary>Role names as they arrive in the identity provider's roles claim.</summary>
public static class Roles
{
    public const string Instructor = "Instructor";
    public const string ProjectStaff = "ProjectStaff";
    public const string Admin = "Admin";
}
