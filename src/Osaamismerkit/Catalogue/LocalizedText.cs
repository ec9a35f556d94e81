namespace Osaamismerkit.Catalogue;

public sealed record LocalizedText(string Fi, string Sv, string En)
{
    public string In(string language) => language switch
    {
        "sv" => Sv,
        "en" => En,
        _ => Fi,
    };
}
