using Osaamismerkit.Certificates.Layout;

namespace Osaamismerkit.Certificates;

/// <summary>
/// The combined skills certificate: every valid badge of one client in one numbered document, for a job or study
/// application. Pass the client's unrevoked badges; expired ones are left out here by the injected clock.
/// </summary>
/// <param name="signing">Signs each document when a certificate is configured (or generated in development).</param>
public sealed class CombinedCertificateRenderer(CertificateFonts fonts, TimeProvider time, DocumentSigningCertificate? signing = null)
{
    public byte[] Render(CertificateIssuer issuer, CertificateRecipient recipient, IReadOnlyList<CertificateBadge> badges)
    {
        using var output = new MemoryStream();
        Write(issuer, recipient, badges, output);
        return output.ToArray();
    }

    public void Write(CertificateIssuer issuer, CertificateRecipient recipient, IReadOnlyList<CertificateBadge> badges, Stream output)
    {
        var now = time.GetUtcNow();
        var valid = badges.Where(b => b.Expires is null || b.Expires > now).ToList();
        var labels = CertificateLabels.For(recipient.Language);
        using var images = new ImageCache();
        var context = new CertificateContext(fonts, labels, issuer, images, signing?.SignerName, badges.Count > 0 ? badges[0].VerificationUrl : null);

        var info = new PdfInfo(
            $"{labels["CertificateTitle"]}: {labels["CombinedSubtitle"]}",
            issuer.Name,
            $"{recipient.DisplayName}: {labels.Format("CombinedCount", valid.Count)}",
            labels["Keywords"],
            labels.Language,
            now,
            valid.Select(b => b.CredentialId).ToList());

        PdfOutput.Write(output, info, CombinedCertificateLayout.Compose(context, recipient, valid, now), signing?.Signing(labels["CertificateTitle"], info.Created));
    }
}
