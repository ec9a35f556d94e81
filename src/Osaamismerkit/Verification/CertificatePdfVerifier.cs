using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Security;
using Osaamismerkit.Certificates;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.PublicPages;

namespace Osaamismerkit.Verification;

/// <summary>
/// Checks an uploaded certificate PDF: the signature must cover the whole file except its own contents, its CMS must
/// verify over those bytes (BouncyCastle: message digest and RSA signature), and its signer must be a document-signing
/// certificate this service has signed with (the current one or one recorded earlier).
/// </summary>
public sealed class CertificatePdfVerifier(Database database, DocumentSigningCertificate current, PublicBadges badges, TimeProvider clock)
{
    public async Task<CertificatePdfCheck> CheckAsync(byte[] pdf, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var named = UploadedPdf.CredentialIds(pdf);
        var signatures = UploadedPdf.Signatures(pdf);
        if (signatures.Count == 0)
        {
            // Printed while no certificate was configured: the badges' status is public anyway, and the page says the
            // file itself could not be checked.
            return new CertificatePdfCheck(PdfSignatureStatus.NotSigned, now, null, null, await BadgesAsync(named, cancellationToken), named.Count > 0);
        }

        // Our certificates carry one signature; a second one, or bytes after it, mean the file was changed after signing.
        if (signatures.Count > 1 || signatures[0] is not { CoversWholeFile: true } signature || Signer(signature) is not { } signer)
        {
            return new CertificatePdfCheck(PdfSignatureStatus.Invalid, now, null, null, [], named.Count > 0);
        }

        var name = DocumentSigningCertificate.SignerNameOf(signer);
        return await IsOursAsync(signer, cancellationToken)
            ? new CertificatePdfCheck(PdfSignatureStatus.Valid, now, name, signature.SignedAt, await BadgesAsync(named, cancellationToken), named.Count > 0)
            : new CertificatePdfCheck(PdfSignatureStatus.UnknownSigner, now, name, signature.SignedAt, [], named.Count > 0);
    }

    /// <summary>Each named badge checked afresh; an id this service no longer knows (e.g. erased) is left out.</summary>
    private async Task<IReadOnlyList<PublicBadge>> BadgesAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        var found = new List<PublicBadge>(ids.Count);
        foreach (var id in ids)
        {
            if (await badges.FindAsync(id, cancellationToken) is { } badge)
            {
                found.Add(badge);
            }
        }

        return found;
    }

    /// <summary>The certificate whose key made the one signature in the CMS over the signed bytes, or null if it does not hold.</summary>
    private static X509Certificate2? Signer(SignedPdfSignature signature)
    {
        try
        {
            var cms = new CmsSignedData(new CmsProcessableByteArray(signature.SignedBytes), signature.Cms);
            var signers = cms.GetSignerInfos().GetSigners();
            if (signers.Count != 1)
            {
                return null;
            }

            var signer = signers.First();
            var certificate = cms.GetCertificates().EnumerateMatches(signer.SignerID).FirstOrDefault();
            // The public key alone: a certificate that has since expired still vouches for what it signed while valid.
            return certificate is not null && signer.Verify(certificate.GetPublicKey())
                ? X509CertificateLoader.LoadCertificate(certificate.GetEncoded())
                : null;
        }
        catch (Exception e) when (e is CmsException or GeneralSecurityException or IOException or ArgumentException or InvalidOperationException
            or CryptographicException or Org.BouncyCastle.Asn1.Asn1Exception or InvalidCastException or FormatException)
        {
            return null;
        }
    }

    private async Task<bool> IsOursAsync(X509Certificate2 signer, CancellationToken cancellationToken)
    {
        var thumbprint = DocumentSigningCertificate.ThumbprintOf(signer);
        if (current.Certificate is { } now && DocumentSigningCertificate.ThumbprintOf(now) == thumbprint)
        {
            return true;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        return await DocumentSigningCertificateQueries.IsKnownAsync(connection, thumbprint, cancellationToken);
    }
}
