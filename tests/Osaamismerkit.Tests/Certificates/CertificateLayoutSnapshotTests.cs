using Snapshooter.NUnit;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using static Osaamismerkit.Tests.Certificates.CertificateSamples;

namespace Osaamismerkit.Tests.Certificates;

/// <summary>
/// Pins where text stands on the page — runs of words with their position rounded to whole points, and the page
/// count — not the PDF bytes. A deliberate layout change updates the snapshot; an accidental one fails here.
/// </summary>
public sealed class CertificateLayoutSnapshotTests
{
    [Test]
    public void Badge_certificate_layout()
    {
        Snapshot.Match(Layout(BadgeRenderer().Render(Issuer, Recipient(), FinnishBadge())));
    }

    [Test]
    public void Claim_code_certificate_layout()
    {
        Snapshot.Match(Layout(BadgeRenderer().Render(Issuer, Recipient("en"), Badge("en") with { Claim = Claim("en") })));
    }

    [Test]
    public void Combined_certificate_layout()
    {
        Snapshot.Match(Layout(CombinedRenderer().Render(Issuer, Recipient(), Portfolio(4))));
    }

    private static object Layout(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return new
        {
            Pages = document.NumberOfPages,
            Text = document.GetPages().Select(page => new { page.Number, Runs = Runs(page) }).ToList(),
        };
    }

    /// <summary>"x,y: words" for each run of words on one baseline with ordinary word gaps, top of the page first.</summary>
    private static List<string> Runs(Page page)
    {
        var runs = new List<string>();
        var lines = page.GetWords()
            .GroupBy(w => (int)Math.Round(page.Height - w.BoundingBox.Bottom))
            .OrderBy(g => g.Key);
        foreach (var line in lines)
        {
            Word? previous = null;
            var run = new List<Word>();
            foreach (var word in line.OrderBy(w => w.BoundingBox.Left))
            {
                if (previous is not null && word.BoundingBox.Left - previous.BoundingBox.Right > 12)
                {
                    runs.Add(Format(run, line.Key));
                    run.Clear();
                }

                run.Add(word);
                previous = word;
            }

            runs.Add(Format(run, line.Key));
        }

        return runs;
    }

    private static string Format(List<Word> run, int baseline) =>
        $"{Math.Round(run[0].BoundingBox.Left):0},{baseline}: {string.Join(' ', run.Select(w => w.Text))}";
}
