using Osaamismerkit.Catalogue;
using Osaamismerkit.Catalogue.Artwork;
using Osaamismerkit.Certificates;

namespace Osaamismerkit.Bench;

/// <summary>Made-up clients and badges, shaped like real ones: a few criteria, a note, two alignments.</summary>
internal static class SampleCertificates
{
    // With the issuer mark at the size the service prints it, so that pages/s is the service's (the mark costs time).
    public static readonly CertificateIssuer Issuer = new(
        "Siun sote – Pohjois-Karjalan hyvinvointialue", "https://www.siunsote.fi", BadgeArtwork.RenderPng(BadgeImages.IssuerSpec, BadgeArtwork.MinPngSize));

    private static readonly string[] Names = ["Matti Meikäläinen", "Åsa Öhman-Mäkelä", "Jukka Pyykkönen", "Sirpa Väänänen", "Oleg Ivanov"];
    private static readonly string[] Badges = ["Verkkopankin käyttö", "Sähköposti", "Videopuhelu", "Asiakirjan laatiminen", "Salasanat ja tietoturva"];
    private static readonly string[] Areas = ["Tieto- ja datalukutaito", "Viestintä ja yhteistyö", "Digitaalisen sisällön tuottaminen", "Turvallisuus", "Ongelmanratkaisu"];
    private static readonly string[] Glyphs = ["magnifier", "envelope", "document", "lock", "wrench"];

    public static CertificateRecipient Recipient(int i) => new(Names[i % Names.Length], "fi");

    public static CertificateBadge Badge(int i, byte[][] images, bool claim = false) => new(
        CredentialId: Guid.CreateVersion7().ToString(),
        BadgeName: Badges[i % Badges.Length],
        Level: i % 3 == 2 ? 3 : 2,
        Track: i % 2 == 0 ? Track.Citizen : Track.WorkLife,
        Kind: BadgeKind.Skill,
        Area: i % 5 + 1,
        AreaName: Areas[i % 5],
        ImagePng: images[i % 5],
        CriteriaMet: ["Kirjautuu palveluun omilla tunnuksillaan", "Löytää tarvitsemansa tiedon ja toimii sen mukaan", "Tallentaa tuloksen ja kertoo, mistä sen löytää", "Tunnistaa huijausviestin"],
        EvidenceNote: "Teki tehtävän itsenäisesti ja kertoi omin sanoin, mitä teki. Tarvitsi apua vain kerran.",
        Alignments: ["2.3 Osallistuminen kansalaisena digitaalisten teknologioiden avulla", "4.1 Laitteiden suojaaminen"],
        UnitName: "Joensuun työtoimintapaja",
        DeliveryMode: "hybrid",
        DemonstratedOn: new DateOnly(2025, 3, 12),
        IssuedOn: new DateTimeOffset(2025, 3, 13, 9, 0, 0, TimeSpan.Zero),
        Expires: null,
        InstructorName: "Päivi Härkönen",
        InstructorTitle: "työvalmentaja",
        VerificationUrl: $"https://osaamismerkit.siunsote.fi/b/{i:D22}",
        ShortUrl: $"osaamismerkit.siunsote.fi/b/{i:D22}",
        Claim: claim ? new CertificateClaim("7KQM-4XRT-9HWC", "https://osaamismerkit.siunsote.fi/lunasta", "Ota merkki") : null);

    /// <summary>The catalogue's own artwork, one per DigComp area, as the service will pass it.</summary>
    public static byte[][] Images() =>
        Enumerable.Range(1, 5).Select(area => BadgeArtwork.RenderPng(new ArtworkSpec(Glyphs[area - 1], area, 2, Milestone: false))).ToArray();

    public static CertificateBadge Milestone(byte[][] images) => Badge(0, images) with
    {
        BadgeName = "Digitaalinen kansalainen – perustaso",
        Kind = BadgeKind.Milestone,
        Track = Track.Citizen,
        ImagePng = BadgeArtwork.RenderPng(new ArtworkSpec("star", 2, 2, Milestone: true)),
        CriteriaMet = ["Verkkopankin käyttö", "Sähköposti", "Videopuhelu"],
        EvidenceNote = null,
        UnitName = null,
        DeliveryMode = null,
        DemonstratedOn = null,
        InstructorName = null,
        InstructorTitle = null,
    };
}
