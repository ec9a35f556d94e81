using System.ComponentModel.DataAnnotations;

namespace Osaamismerkit.Infrastructure.Http;

/// <summary>
/// Empty, or an absolute http or https URL. Stricter than <see cref="UrlAttribute"/>, which also takes ftp and any text
/// that merely starts with a scheme.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AbsoluteHttpUrlAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) =>
        value is not string text || string.IsNullOrWhiteSpace(text) || IsHttpUrl(text);

    public static bool IsHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Host.Length > 0;
}
