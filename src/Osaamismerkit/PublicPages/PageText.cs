using System.Globalization;
using System.Resources;
using Osaamismerkit.Infrastructure.Localization;
using Osaamismerkit.Resources;

namespace Osaamismerkit.PublicPages;

/// <summary>
/// The public pages' texts in one explicit language. Pages pick their language themselves (the wallet prefers the
/// client's own), so the texts do not depend on the ambient UI culture.
/// </summary>
public sealed class PageText
{
    private static readonly ResourceManager Resources = new(typeof(PublicTexts));

    private static readonly ResourceManager MessageResources = new(typeof(Messages));

    private PageText(string language)
    {
        Language = language;
        Culture = CultureInfo.GetCultureInfo(language);
    }

    public string Language { get; }

    public CultureInfo Culture { get; }

    public static PageText In(string? language) => new(Languages.IsSupported(language) ? language! : Languages.Default);

    public string this[string key] =>
        Resources.GetString(key, Culture) ?? throw new KeyNotFoundException($"No text '{key}' in PublicTexts.");

    /// <summary>A message the API also answers with (Messages.resx), so that a page and the API word one error alike.</summary>
    public string Message(string key) =>
        MessageResources.GetString(key, Culture) ?? throw new KeyNotFoundException($"No text '{key}' in Messages.");

    public string this[string key, params object?[] arguments] => string.Format(Culture, this[key], arguments);

    public string Date(DateTimeOffset value) => HelsinkiTime.Of(value).ToString(this["DateFormat"], Culture);

    public string DateTime(DateTimeOffset value) => HelsinkiTime.Of(value).ToString(this["DateTimeFormat"], Culture);
}
