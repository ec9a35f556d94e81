namespace Osaamismerkit.StaffUi;

public enum StaffSection
{
    None,
    Clients,
    Reports,
}
