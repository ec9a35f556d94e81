using System.Globalization;
using System.Resources;
using Osaamismerkit.Infrastructure.Localization;
using Osaamismerkit.PublicPages;
using Osaamismerkit.Resources;
using Osaamismerkit.Verification;

namespace Osaamismerkit.StaffUi;

/// <summary>The staff pages' texts in one explicit language, so a page never mixes the ambient culture with its own.</summary>
public sealed class StaffText
{
    private static readonly ResourceManager Resources = new(typeof(StaffUiTexts));

    private StaffText(string language)
    {
        Language = language;
        Culture = CultureInfo.GetCultureInfo(language);
    }

    public string Language { get; }

    public CultureInfo Culture { get; }

    public static StaffText In(string? language) => new(Languages.IsSupported(language) ? language! : Languages.Default);

    public string this[string key] =>
        Resources.GetString(key, Culture) ?? throw new KeyNotFoundException($"No text '{key}' in StaffUiTexts.");

    public string this[string key, params object?[] arguments] => string.Format(Culture, this[key], arguments);

    public string Date(DateTimeOffset value) => HelsinkiTime.Of(value).ToString(this["DateFormat"], Culture);

    public string Date(DateOnly value) => value.ToString(this["DateFormat"], Culture);
}
