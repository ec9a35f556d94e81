using System.Text;
using Osaamismerkit.Certificates;
using UglyToad.PdfPig;
using static Osaamismerkit.Tests.Certificates.CertificateSamples;

namespace Osaamismerkit.Tests.Certificates;

public sealed class BatchCertificateTests
{
    [Test]
    public void Batch_has_one_page_per_badge_in_order_each_in_its_clients_language()
    {
        var items = new[]
        {
            new CertificateBatchItem(Recipient("fi", "Matti Meikäläinen"), [Badge("fi"), Badge("fi") with { BadgeName = "Sähköposti" }]),
            new CertificateBatchItem(Recipient("sv", "Åsa Ölund"), [Badge("sv")]),
            new CertificateBatchItem(Recipient("en", "Oleg Ivanov"), [Badge("en"), Badge("en"), Badge("en") with { Claim = Claim("en") }]),
        };

        var pdf = BatchRenderer().Render(Issuer, items, "fi");

        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().Select(PdfText.Of).ToList();
        Assert.That(pages, Has.Count.EqualTo(6));
        Assert.Multiple(() =>
        {
            Assert.That(pages[0], Does.Contain("Matti Meikäläinen").And.Contain("Osaamistodistus").And.Contain("Verkkopankin käyttö"));
            Assert.That(pages[1], Does.Contain("Matti Meikäläinen").And.Contain("Sähköposti"));
            Assert.That(pages[2], Does.Contain("Åsa Ölund").And.Contain("Kompetensintyg").And.Contain("Använda nätbanken"));
            Assert.That(pages[3], Does.Contain("Oleg Ivanov").And.Contain("Skill certificate"));
            Assert.That(pages[5], Does.Contain("Oleg Ivanov").And.Contain("7KQM-4XRT-9HWC"));
            Assert.That(document.Information.Title, Is.EqualTo("Osaamistodistukset"));
            Assert.That(document.Information.Subject, Is.EqualTo("6 osaamistodistusta tulostettavaksi"));
            Assert.That(PdfText.Language(document), Is.EqualTo("fi"));
        });
    }

    [Test]
    public void A_badge_image_repeated_across_the_batch_is_embedded_once()
    {
        // Every certificate holds its own copy of the same PNG, as models built per assertion would.
        var items = Enumerable.Range(0, 20)
            .Select(i => new CertificateBatchItem(Recipient(), [FinnishBadge() with { ImagePng = FinnishBadge().ImagePng.ToArray() }]))
            .ToList();

        var batch = BatchRenderer().Render(Issuer, items, "fi");
        var single = BatchRenderer().Render(Issuer, items.Take(1).ToList(), "fi");

        Assert.That(ImageObjects(batch), Is.EqualTo(ImageObjects(single)));
    }

    [Test]
    public void Batch_streams_to_any_writable_stream()
    {
        using var output = new MemoryStream();
        BatchRenderer().Write(Issuer, [new CertificateBatchItem(Recipient(), [FinnishBadge()])], "sv", output);

        using var document = PdfDocument.Open(output.ToArray());
        Assert.That(document.Information.Title, Is.EqualTo("Kompetensintyg"));
        Assert.That(PdfText.Language(document), Is.EqualTo("sv"));
    }

    private static int ImageObjects(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var count = 0;
        for (var i = text.IndexOf("/Subtype /Image", StringComparison.Ordinal); i >= 0; i = text.IndexOf("/Subtype /Image", i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
