using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Osaamismerkit.Certificates.Layout;
using Osaamismerkit.Infrastructure;
using Osaamismerkit.Infrastructure.Auditing;
using Osaamismerkit.Infrastructure.Security;

namespace Osaamismerkit.Certificates;

/// <summary>
/// The certificate that signs certificate PDFs: a configured .pfx or Azure Key Vault certificate in production; in Development and Testing a
/// self-signed one generated on first run into the data folder (kept out of git like the development signing keys).
/// Outside Development without a configured certificate, certificates are printed unsigned and start-up says so: a
/// printed certificate is still checked through its QR code and credential id, and instructors must not be kept from
/// printing while the county's certificate is being procured. The verify API then reports "unsigned".
/// </summary>
public sealed class DocumentSigningCertificate
{
    private readonly Lazy<X509Certificate2?> certificate;
    private readonly IOptions<DocumentSigningOptions> options;
    private readonly Infrastructure.Database.Database? database;
    private readonly AuditLog? audit;
    private readonly TimeProvider clock = TimeProvider.System;

    public DocumentSigningCertificate(
        IOptions<DocumentSigningOptions> options, Infrastructure.Database.Database database, AuditLog audit, TimeProvider clock,
        IHostEnvironment environment, ILogger<DocumentSigningCertificate> logger)
    {
        this.options = options;
        this.database = database;
        this.audit = audit;
        this.clock = clock;
        certificate = new Lazy<X509Certificate2?>(() => Load(options.Value, database.DataFolder, environment, logger));
    }

    /// <summary>A given certificate, for renderers used outside the service (tests, the benchmark).</summary>
    internal DocumentSigningCertificate(X509Certificate2? given, string location = "Joensuu")
    {
        options = Options.Create(new DocumentSigningOptions { Location = location });
        certificate = new Lazy<X509Certificate2?>(given);
    }

    /// <summary>The certificate with its private key, or null when certificates are printed unsigned.</summary>
    public X509Certificate2? Certificate => certificate.Value;

    /// <summary>The signer's name as printed in the visible note: the certificate's organisation, else its common name.</summary>
    public string? SignerName => Certificate is { } c ? SignerNameOf(c) : null;

    public static string SignerNameOf(X509Certificate2 certificate) =>
        certificate.SubjectName.EnumerateRelativeDistinguishedNames()
            .FirstOrDefault(n => n.GetSingleElementType().Value == "2.5.4.10")?.GetSingleElementValue()
        ?? certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);

    /// <summary>The SHA-256 of the certificate's DER encoding, as lower-case hex: how the verify API recognises a signer.</summary>
    public static string ThumbprintOf(X509Certificate2 certificate) => certificate.GetCertHashString(HashAlgorithmName.SHA256).ToLowerInvariant();

    /// <summary>
    /// Loads the certificate (a bad .pfx stops start-up here) and records it among the certificates that have signed, so
    /// that PDFs it signs still verify after the county's certificate is renewed.
    /// </summary>
    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        if (Certificate is not { } signer || database is null || audit is null)
        {
            return;
        }

        var thumbprint = ThumbprintOf(signer);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var added = await DocumentSigningCertificateQueries.RecordAsync(
            transaction, thumbprint, signer.Subject, Convert.ToBase64String(signer.RawData), signer.NotAfter.ToUniversalTime(), clock.GetUtcNow(), cancellationToken);
        if (added > 0)
        {
            await audit.AppendAsync(transaction, Actor.System, new AuditEntry("document-signing-certificate.recorded", "document-signing-certificate", thumbprint), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    internal PdfSigning? Signing(string reason, DateTimeOffset signedAt) =>
        Certificate is { } c ? new PdfSigning(c, SignerNameOf(c), reason, options.Value.Location, signedAt) : null;

    private static X509Certificate2? Load(DocumentSigningOptions options, string dataFolder, IHostEnvironment environment, ILogger logger)
    {
        if (options.HasCertificate)
        {
            try
            {
                var configured = ConfiguredCertificate.Load(
                    DocumentSigningOptions.Section, options.PfxPath, options.PfxPassword, options.KeyVaultUri, options.KeyVaultCertificateName);
                logger.LogInformation("Certificate PDFs are signed by {Subject} (valid until {NotAfter:yyyy-MM-dd}).", configured!.Subject, configured.NotAfter);
                return configured;
            }
            catch (CryptographicException e)
            {
                throw new MissingConfigurationException(options.KeyVaultUri is null
                    ? $"CertificateSigning:PfxPath {Path.GetFullPath(options.PfxPath!)} could not be opened with CertificateSigning:PfxPassword ({e.Message})."
                    : $"CertificateSigning:KeyVaultCertificateName {options.KeyVaultCertificateName} in {options.KeyVaultUri} is no PFX certificate ({e.Message}).");
            }
            catch (Azure.RequestFailedException e)
            {
                throw new MissingConfigurationException(
                    $"CertificateSigning:KeyVaultCertificateName {options.KeyVaultCertificateName} could not be read from {options.KeyVaultUri} ({e.Status}: {e.ErrorCode}).");
            }
            catch (Azure.Identity.AuthenticationFailedException e)
            {
                throw new MissingConfigurationException(
                    $"CertificateSigning:KeyVaultUri {options.KeyVaultUri}: the service has no Azure identity to read it with ({e.Message.Split('\n')[0]}).");
            }
        }

        if (!environment.IsDevelopment() && !environment.IsEnvironment("Testing"))
        {
            logger.LogWarning(
                "CertificateSigning:PfxPath and CertificateSigning:KeyVaultUri are not set: certificate PDFs are printed unsigned. Set one to the county's document-signing certificate to sign them.");
            return null;
        }

        return Development(Path.GetFullPath(options.DevelopmentFolder, dataFolder));
    }

    internal static X509Certificate2 Development(string folder)
    {
        var file = Path.Combine(folder, "development-document-signing.pfx");
        if (File.Exists(file))
        {
            return X509CertificateLoader.LoadPkcs12FromFile(file, password: null, X509KeyStorageFlags.EphemeralKeySet);
        }

        Directory.CreateDirectory(folder);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        using var key = RSA.Create(2048);
        var name = new X500DistinguishedNameBuilder();
        name.AddOrganizationName("Siun sote (development, not for production)");
        name.AddCommonName("Osaamismerkit development document signing");
        var request = new CertificateRequest(name.Build(), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, critical: true));
        // id-kp-documentSigning (RFC 9336).
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.36")], critical: false));
        var now = DateTimeOffset.UtcNow;
        using var created = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(5));
        var pfx = created.Export(X509ContentType.Pfx);
        File.WriteAllBytes(file, pfx);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return X509CertificateLoader.LoadPkcs12(pfx, password: null, X509KeyStorageFlags.EphemeralKeySet);
    }
}
