using System.Data.Common;
using Dapper;

namespace Osaamismerkit.Certificates;

/// <summary>The document_signing_certificates table: the public certificates that have signed certificate PDFs.</summary>
public static class DocumentSigningCertificateQueries
{
    /// <summary>Adds the certificate unless it is there already; the number of rows added (0 or 1).</summary>
    public static Task<int> RecordAsync(
        DbTransaction transaction, string thumbprint, string subject, string certificateBase64, DateTimeOffset notAfter, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO document_signing_certificates (thumbprint, subject, certificate, not_after, first_used_at)
            SELECT @Thumbprint, @Subject, @Certificate, @NotAfter, @Now
            WHERE NOT EXISTS (SELECT 1 FROM document_signing_certificates WHERE thumbprint = @Thumbprint)
            """,
            new { Thumbprint = thumbprint, Subject = subject, Certificate = certificateBase64, NotAfter = notAfter, Now = now },
            transaction,
            cancellationToken: cancellationToken));

    public static async Task<bool> IsKnownAsync(DbConnection connection, string thumbprint, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM document_signing_certificates WHERE thumbprint = @Thumbprint",
            new { Thumbprint = thumbprint },
            cancellationToken: cancellationToken)) > 0;
}
