using Osaamismerkit.Certificates.Layout;

namespace Osaamismerkit.Certificates;

/// <summary>Badge certificates: one A4 page per badge, in the recipient's language.</summary>
/// <param name="signing">Signs each document when a certificate is configured (or generated in development).</param>
public sealed class BadgeCertificateRenderer(CertificateFonts fonts, TimeProvider time, DocumentSigningCertificate? signing = null)
{
    public byte[] Render(CertificateIssuer issuer, CertificateRecipient recipient, CertificateBadge badge) =>
        Render(issuer, recipient, [badge]);

    public byte[] Render(CertificateIssuer issuer, CertificateRecipient recipient, IReadOnlyList<CertificateBadge> badges)
    {
        using var output = new MemoryStream();
        Write(issuer, recipient, badges, output);
        return output.ToArray();
    }

    /// <summary>Writes one document with a certificate for each badge, in the order given.</summary>
    public void Write(CertificateIssuer issuer, CertificateRecipient recipient, IReadOnlyList<CertificateBadge> badges, Stream output)
    {
        ArgumentOutOfRangeException.ThrowIfZero(badges.Count, nameof(badges));
        var labels = CertificateLabels.For(recipient.Language);
        using var images = new ImageCache();
        var context = new CertificateContext(fonts, labels, issuer, images, signing?.SignerName, badges.Count > 0 ? badges[0].VerificationUrl : null);

        var title = badges.Count == 1
            ? $"{labels["CertificateTitle"]}: {badges[0].BadgeName}"
            : labels["CertificateTitle"];
        var subject = $"{recipient.DisplayName}: " + string.Join("; ", badges.Select(b => $"{b.BadgeName}, {labels.LevelText(b.Level)}"));
        var info = new PdfInfo(title, issuer.Name, subject, labels["Keywords"], labels.Language, time.GetUtcNow(), badges.Select(b => b.CredentialId).ToList());

        PdfOutput.Write(output, info, badges.SelectMany(badge => BadgeCertificateLayout.Compose(context, recipient, badge)), signing?.Signing(labels["CertificateTitle"], info.Created));
    }
}
