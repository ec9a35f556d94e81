namespace Osaamismerkit.PublicPages;

/// <summary>The antiforgery field a server-rendered form posts back.</summary>
public sealed record FormToken(string FieldName, string Value)
{
    public static FormToken From(Microsoft.AspNetCore.Antiforgery.AntiforgeryTokenSet tokens) =>
        new(tokens.FormFieldName, tokens.RequestToken ?? string.Empty);
}
