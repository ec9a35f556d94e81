using Microsoft.Extensions.Time.Testing;
using Osaamismerkit.Catalogue;
using Osaamismerkit.Certificates;
using Osaamismerkit.Certificates.Layout;
using SkiaSharp;

namespace Osaamismerkit.Tests.Certificates;

/// <summary>Test data builders for certificates: one fixed clock, one set of fonts, plain badges to vary with `with`.</summary>
internal static class CertificateSamples
{
    public static readonly DateTimeOffset Now = new(2025, 3, 14, 10, 30, 0, TimeSpan.Zero);

    public static readonly CertificateFonts Fonts = new();

    public static readonly CertificateIssuer Issuer = new("Siun sote – Pohjois-Karjalan hyvinvointialue", "https://www.siunsote.fi");

    public const string VerificationUrl = "https://osaamismerkit.siunsote.fi/b/q83vEjRWeJ-rze8SNFZ4mQ";

    public static FakeTimeProvider Clock() => new(Now);

    public static BadgeCertificateRenderer BadgeRenderer() => new(Fonts, Clock());

    public static CombinedCertificateRenderer CombinedRenderer() => new(Fonts, Clock());

    public static BatchCertificateRenderer BatchRenderer() => new(Fonts, Clock());

    /// <summary>One development document-signing certificate for the whole test run, generated like the service does.</summary>
    public static readonly Lazy<DocumentSigningCertificate> Signing = new(() =>
        new DocumentSigningCertificate(DocumentSigningCertificate.Development(Directory.CreateTempSubdirectory("osaamismerkit-signing-").FullName)));

    public static BadgeCertificateRenderer SignedBadgeRenderer() => new(Fonts, Clock(), Signing.Value);

    public static CombinedCertificateRenderer SignedCombinedRenderer() => new(Fonts, Clock(), Signing.Value);

    public static BatchCertificateRenderer SignedBatchRenderer() => new(Fonts, Clock(), Signing.Value);

    public static CertificateRecipient Recipient(string language = "fi", string name = "Åsa Öhman-Mäkelä") => new(name, language);

    public static CertificateBadge Badge(string language = "fi") => language switch
    {
        "sv" => FinnishBadge() with
        {
            BadgeName = "Använda nätbanken",
            AreaName = "Kommunikation och samarbete",
            CriteriaMet = ["Loggar in i nätbanken med sina bankkoder", "Kontrollerar kontots saldo och transaktioner", "Betalar en räkning och sparar kvittot"],
            EvidenceNote = "Loggade in själv och betalade en övningsräkning utan hjälp. Kände igen ett bedrägligt meddelande.",
            EvidenceNoteLanguage = "sv",
            Alignments = ["2.3 Delta i samhället med hjälp av digital teknik", "4.1 Skydda enheter"],
        },
        "en" => FinnishBadge() with
        {
            BadgeName = "Using online banking",
            AreaName = "Communication and collaboration",
            CriteriaMet = ["Logs in to online banking with their bank credentials", "Checks the account balance and transactions", "Pays a bill and saves the receipt"],
            EvidenceNote = "Logged in alone and paid a practice bill without help. Recognised a phishing message.",
            EvidenceNoteLanguage = "en",
            Alignments = ["2.3 Engaging in citizenship through digital technologies", "4.1 Protecting devices"],
        },
        _ => FinnishBadge(),
    };

    public static CertificateBadge FinnishBadge() => new(
        CredentialId: "0f8c2b7e-5d3a-4c1e-9b6f-2a7d8e9c1b3f",
        BadgeName: "Verkkopankin käyttö",
        Level: 2,
        Track: Track.Citizen,
        Kind: BadgeKind.Skill,
        Area: 2,
        AreaName: "Viestintä ja yhteistyö",
        ImagePng: Circle(new SKColor(0x2E, 0x7D, 0x32)),
        CriteriaMet: ["Kirjautuu verkkopankkiin omilla pankkitunnuksillaan", "Tarkistaa tilin saldon ja tilitapahtumat", "Maksaa laskun ja tallentaa kuitin"],
        EvidenceNote: "Kirjautui itse ja maksoi harjoituslaskun ilman apua. Tunnisti huijausviestin ja kertoi, miksi se oli huijaus.",
        Alignments: ["2.3 Osallistuminen kansalaisena digitaalisten teknologioiden avulla", "4.1 Laitteiden suojaaminen"],
        UnitName: "Joensuun työtoimintapaja, Länsikatu",
        DeliveryMode: "onsite",
        DemonstratedOn: new DateOnly(2025, 3, 12),
        IssuedOn: new DateTimeOffset(2025, 3, 12, 22, 30, 0, TimeSpan.Zero), // 13.3. in Finland
        Expires: null,
        InstructorName: "Päivi Härkönen",
        InstructorTitle: "työvalmentaja",
        VerificationUrl: VerificationUrl,
        ShortUrl: "osaamismerkit.siunsote.fi/b/q83vEjRWeJ-rze8SNFZ4mQ");

    /// <summary>A claim box; its button label is the claim page's own, as the service prints it.</summary>
    public static CertificateClaim Claim(string language = "fi") =>
        new("7KQM-4XRT-9HWC", "https://osaamismerkit.siunsote.fi/lunasta", Osaamismerkit.PublicPages.PageText.In(language)["Claim_Button"]);

    /// <summary>A coloured disc, standing in for the catalogue's badge artwork.</summary>
    public static byte[] Circle(SKColor color)
    {
        using var surface = SKSurface.Create(new SKImageInfo(256, 256, SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.Clear(SKColors.Transparent);
        using var fill = new SKPaint { Color = color, IsAntialias = true };
        surface.Canvas.DrawCircle(128, 128, 120, fill);
        using var ring = new SKPaint { Color = SKColors.White, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 10 };
        surface.Canvas.DrawCircle(128, 128, 96, ring);
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    /// <summary>What each portfolio badge's holder showed, by the badge's name: no two badges alike, so a mix-up shows.</summary>
    private static readonly string[][] PortfolioCriteria =
    [
        ["Hakee tietoa hakukoneella omin sanoin", "Arvioi, onko lähde luotettava", "Tallentaa löytämänsä sivun osoitteen"],
        ["Lähettää viestin ja liitteen", "Vastaa saamaansa viestiin", "Tunnistaa roskapostin ja poistaa sen"],
        ["Liittyy videopuheluun kutsulinkistä", "Kytkee mikrofonin ja kameran päälle ja pois", "Jakaa näyttönsä"],
        ["Kirjoittaa ja muotoilee kirjeen", "Tallentaa asiakirjan omaan kansioon", "Tulostaa asiakirjan PDF-tiedostoksi"],
        ["Laatii vahvan salasanan", "Ottaa kaksivaiheisen tunnistautumisen käyttöön", "Tunnistaa huijausviestin"],
        ["Asentaa käyttöjärjestelmän päivitykset", "Päivittää sovellukset", "Käynnistää laitteen uudelleen hallitusti"],
        ["Lisää tapahtuman kalenteriin", "Asettaa tapahtumalle muistutuksen", "Jakaa tapahtuman toiselle ihmiselle"],
        ["Syöttää lukuja taulukkoon", "Laskee sarakkeen summan kaavalla", "Tekee lukujen pohjalta kaavion"],
        ["Kirjautuu palveluun vahvalla tunnistautumisella", "Täyttää ja lähettää sähköisen lomakkeen", "Tallentaa vahvistuksen"],
    ];

    /// <summary>The DigComp 2.2 competences of each portfolio badge, by the badge's name.</summary>
    private static readonly string[][] PortfolioAlignments =
    [
        ["1.1 Datan, tiedon ja digitaalisen sisällön selaaminen, hakeminen ja suodattaminen", "1.2 Datan, tiedon ja sisällön arviointi"],
        ["2.1 Vuorovaikutus digitaalisten teknologioiden avulla", "2.5 Verkkoetiketti"],
        ["2.4 Yhteistyö digitaalisten teknologioiden avulla", "2.1 Vuorovaikutus digitaalisten teknologioiden avulla"],
        ["3.1 Digitaalisen sisällön kehittäminen", "3.2 Digitaalisen sisällön yhdistäminen ja uudelleenmuokkaus"],
        ["4.2 Henkilötietojen ja yksityisyyden suojaaminen", "4.1 Laitteiden suojaaminen"],
        ["5.1 Teknisten ongelmien ratkaiseminen", "4.1 Laitteiden suojaaminen"],
        ["1.3 Datan, tiedon ja digitaalisen sisällön hallinta", "2.4 Yhteistyö digitaalisten teknologioiden avulla"],
        ["3.1 Digitaalisen sisällön kehittäminen", "1.3 Datan, tiedon ja digitaalisen sisällön hallinta"],
        ["2.3 Osallistuminen kansalaisena digitaalisten teknologioiden avulla", "4.2 Henkilötietojen ja yksityisyyden suojaaminen"],
    ];

    /// <summary>
    /// A varied set of a client's badges across both tracks, areas and a milestone; each badge has its own criteria,
    /// competences, dates and instructor, so a certificate that printed one badge's details under another would differ.
    /// </summary>
    public static IReadOnlyList<CertificateBadge> Portfolio(int count = 9)
    {
        var colours = new[] { new SKColor(0x15, 0x65, 0xC0), new SKColor(0x2E, 0x7D, 0x32), new SKColor(0x6A, 0x1B, 0x9A), new SKColor(0xC6, 0x28, 0x28), new SKColor(0xEF, 0x6C, 0x00) };
        var areas = new[] { "Tieto- ja datalukutaito", "Viestintä ja yhteistyö", "Digitaalisen sisällön tuottaminen", "Turvallisuus", "Ongelmanratkaisu" };
        var names = new[] { "Tiedon haku verkosta", "Sähköposti", "Videopuhelu", "Asiakirjan laatiminen", "Salasanat ja tietoturva", "Laitteen päivittäminen", "Kalenterin käyttö", "Taulukkolaskenta", "Verkkoasiointi" };
        var badges = new List<CertificateBadge>();
        for (var i = 0; i < count; i++)
        {
            var area = i % 5 + 1;
            badges.Add(FinnishBadge() with
            {
                CredentialId = $"00000000-0000-4000-8000-{i:D12}",
                BadgeName = names[i % names.Length] + (i >= names.Length ? $" {i}" : string.Empty),
                Level = i % 3 == 2 ? 3 : 2,
                Track = i % 2 == 0 ? Track.Citizen : Track.WorkLife,
                Area = area,
                AreaName = areas[area - 1],
                ImagePng = Circle(colours[area - 1]),
                CriteriaMet = PortfolioCriteria[i % names.Length],
                Alignments = PortfolioAlignments[i % names.Length],
                DemonstratedOn = new DateOnly(2025, 3, 12).AddDays(-9 * i),
                IssuedOn = new DateTimeOffset(2025, 3, 12, 22, 30, 0, TimeSpan.Zero).AddDays(-9 * i),
                InstructorName = i % 2 == 0 ? "Päivi Härkönen" : "Jussi Turunen",
                VerificationUrl = $"https://osaamismerkit.siunsote.fi/b/badge{i:D2}",
                ShortUrl = $"osaamismerkit.siunsote.fi/b/badge{i:D2}",
            });
        }

        badges.Add(FinnishBadge() with
        {
            CredentialId = "00000000-0000-4000-8000-999999999999",
            BadgeName = "Digitaalinen kansalainen – perustaso",
            Kind = BadgeKind.Milestone,
            CriteriaMet = ["Verkkopankin käyttö", "Sähköposti", "Videopuhelu"],
            EvidenceNote = null,
            UnitName = null,
            DeliveryMode = null,
            DemonstratedOn = null,
            InstructorName = null,
            InstructorTitle = null,
            ImagePng = Circle(new SKColor(0xF9, 0xA8, 0x25)),
            VerificationUrl = "https://osaamismerkit.siunsote.fi/b/milestone",
            ShortUrl = "osaamismerkit.siunsote.fi/b/milestone",
        });
        return badges;
    }
}
