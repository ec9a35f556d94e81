namespace Osaamismerkit.StaffUi.Clients;

public sealed record Municipality(string Code, string NameFi, string NameSv)
{
    public string NameIn(string language) => language == "sv" ? NameSv : NameFi;
}
