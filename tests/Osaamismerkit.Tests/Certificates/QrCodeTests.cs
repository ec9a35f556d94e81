using static Osaamismerkit.Tests.Certificates.CertificateSamples;

namespace Osaamismerkit.Tests.Certificates;

/// <summary>The printed QR codes, decoded the way a phone would see them: rasterised at 200 dpi, then read by zbar.</summary>
public sealed class QrCodeTests
{
    private string folder = null!;

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("certificate-qr-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public void Qr_code_on_a_badge_certificate_decodes_to_the_verification_url()
    {
        var pdf = BadgeRenderer().Render(Issuer, Recipient(), FinnishBadge());

        Assert.That(Decode(pdf), Is.EqualTo(new[] { VerificationUrl }));
    }

    [Test]
    public void Qr_code_on_a_claim_code_certificate_still_decodes_to_the_verification_url()
    {
        var pdf = BadgeRenderer().Render(Issuer, Recipient("sv"), Badge("sv") with { Claim = Claim("sv") });

        Assert.That(Decode(pdf), Is.EqualTo(new[] { VerificationUrl }));
    }

    [Test]
    public void Each_small_qr_code_on_the_combined_certificate_decodes_to_its_badge()
    {
        var badges = Portfolio(5);

        var pdf = CombinedRenderer().Render(Issuer, Recipient(), badges);

        Assert.That(Decode(pdf), Is.EquivalentTo(badges.Select(b => b.VerificationUrl)));
    }

    /// <summary>Every QR code on every page.</summary>
    private string[] Decode(byte[] pdf)
    {
        var pdftoppm = ExternalTools.Require("pdftoppm", "poppler-utils");
        var zbarimg = ExternalTools.Require("zbarimg", "zbar-tools");
        var file = Path.Combine(folder, "certificate.pdf");
        File.WriteAllBytes(file, pdf);

        var render = ExternalTools.Run(pdftoppm, "-r", "200", "-png", file, Path.Combine(folder, "page"));
        Assert.That(render.ExitCode, Is.Zero, "pdftoppm");
        var pages = Directory.GetFiles(folder, "page*.png").Order(StringComparer.Ordinal).ToArray();
        var (exitCode, output) = ExternalTools.Run(zbarimg, ["--raw", "-q", "-Sdisable", "-Sqrcode.enable", .. pages]);
        Assert.That(exitCode, Is.Zero, "zbarimg found no code");

        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
