using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;
using Osaamismerkit.Catalogue;
using Osaamismerkit.Infrastructure.Localization;
using Osaamismerkit.Resources;

namespace Osaamismerkit.Certificates;

/// <summary>The certificate texts of one language, from CertificateTexts.resx, and dates written the local way.</summary>
internal sealed class CertificateLabels
{
    private static readonly ResourceManager Texts = new(typeof(CertificateTexts));
    private static readonly ConcurrentDictionary<string, CertificateLabels> Cache = new(StringComparer.Ordinal);

    private readonly CultureInfo resources;
    private readonly CultureInfo culture;
    private readonly string dateFormat;

    private CertificateLabels(string language)
    {
        Language = language;
        resources = CultureInfo.GetCultureInfo(language);
        culture = CultureInfo.GetCultureInfo(this["Culture"]);
        dateFormat = this["DateFormat"];
    }

    public string Language { get; }

    public string this[string key] =>
        Texts.GetString(key, resources) ?? throw new InvalidOperationException($"The certificate text '{key}' is missing.");

    /// <summary>Unknown or missing languages fall back to Finnish, the default.</summary>
    public static CertificateLabels For(string? language) =>
        Cache.GetOrAdd(Languages.IsSupported(language) ? language! : Languages.Default, l => new CertificateLabels(l));

    public string Format(string key, params object[] arguments) => string.Format(culture, this[key], arguments);

    public string Date(DateOnly date) => date.ToString(dateFormat, culture);

    /// <summary>Instants are printed as the calendar day in Finland, where the badge was issued.</summary>
    public string Date(DateTimeOffset instant) => Date(PublicPages.HelsinkiTime.Today(instant));

    public string LevelText(int level)
    {
        var text = Format("Level", level);
        var name = Texts.GetString("LevelName" + level.ToString(CultureInfo.InvariantCulture), resources);
        return name is null ? text : $"{text} – {name}";
    }

    public string TrackName(Track track) => this[track == Track.WorkLife ? "TrackWorkLife" : "TrackCitizen"];

    public string DeliveryMode(string mode) => Texts.GetString("DeliveryMode_" + mode, resources) ?? mode;
}
