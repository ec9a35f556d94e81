namespace Osaamismerkit.StaffUi.Forms;

/// <summary>A posted form; Trusted only when its antiforgery token was valid for the signed-in user.</summary>
public sealed record PostedForm(IFormCollection Fields, bool Trusted)
{
    public string Value(string name) => Fields[name].ToString().Trim();

    public IReadOnlyList<string> Values(string name) => Fields[name].Where(v => v is not null).Select(v => v!).ToList();
}
