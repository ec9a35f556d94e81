using Osaamismerkit.Certificates.Layout;

namespace Osaamismerkit.Certificates;

/// <summary>
/// Many clients' badge certificates in one PDF for printing (a group, a date range): one page per badge, each
/// client's pages in that client's language. Pages are composed as they are written, so memory stays flat.
/// </summary>
/// <param name="signing">Signs each document when a certificate is configured (or generated in development).</param>
public sealed class BatchCertificateRenderer(CertificateFonts fonts, TimeProvider time, DocumentSigningCertificate? signing = null)
{
    public byte[] Render(CertificateIssuer issuer, IReadOnlyList<CertificateBatchItem> items, string language)
    {
        using var output = new MemoryStream();
        Write(issuer, items, language, output);
        return output.ToArray();
    }

    /// <param name="language">The language of the document information (title, subject): the staff member's.</param>
    public void Write(CertificateIssuer issuer, IReadOnlyList<CertificateBatchItem> items, string language, Stream output)
    {
        var labels = CertificateLabels.For(language);
        var count = items.Sum(i => i.Badges.Count);
        using var images = new ImageCache();

        var info = new PdfInfo(
            labels["BatchTitle"],
            issuer.Name,
            labels.Format("BatchSubject", count),
            labels["Keywords"],
            labels.Language,
            time.GetUtcNow(),
            items.SelectMany(i => i.Badges.Select(b => b.CredentialId)).ToList());

        var pages = items.SelectMany(item =>
        {
            var context = new CertificateContext(fonts, CertificateLabels.For(item.Recipient.Language), issuer, images, signing?.SignerName, item.Badges.Count > 0 ? item.Badges[0].VerificationUrl : null);
            return item.Badges.SelectMany(badge => BadgeCertificateLayout.Compose(context, item.Recipient, badge));
        });
        PdfOutput.Write(output, info, pages, signing?.Signing(labels["CertificateTitle"], info.Created));
    }
}
