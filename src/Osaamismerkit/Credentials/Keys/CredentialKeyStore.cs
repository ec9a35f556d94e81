using Microsoft.Extensions.Options;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Osaamismerkit.Infrastructure;
using Osaamismerkit.Infrastructure.Auditing;
using Osaamismerkit.Infrastructure.Database;

namespace Osaamismerkit.Credentials.Keys;

/// <summary>
/// Holds the Ed25519 key that signs Data Integrity proofs and records every key's public half, which stays in the DID
/// document after rotation so credentials signed earlier still verify. Built like the RSA <c>SigningKeyStore</c>:
/// a configured PEM in production, generated files (0600) in development.
/// </summary>
public sealed class CredentialKeyStore(
    Infrastructure.Database.Database database,
    AuditLog audit,
    TimeProvider clock,
    IOptions<CredentialKeyOptions> options,
    IHostEnvironment environment,
    ILogger<CredentialKeyStore> logger)
{
    private volatile CredentialKey? _current;

    public CredentialKey Current => _current ?? throw new InvalidOperationException("Credential keys are not loaded yet.");

    public string KeyFolder => Path.GetFullPath(options.Value.DevelopmentKeyFolder, database.DataFolder);

    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        var path = options.Value.Ed25519PrivateKeyPemPath;
        if (!string.IsNullOrWhiteSpace(path))
        {
            await MakeCurrentAsync(Read(await File.ReadAllTextAsync(path, cancellationToken), path), "credential-key.configured", Actor.System, cancellationToken);
            return;
        }

        if (!environment.IsDevelopment() && !environment.IsEnvironment("Testing"))
        {
            throw new MissingConfigurationException(
                "Credentials:Ed25519PrivateKeyPemPath must be set outside Development (an Ed25519 private key PEM file: " +
                "`openssl genpkey -algorithm ed25519`); generated development keys are not for production.");
        }

        var keys = Directory.Exists(KeyFolder)
            ? Directory.GetFiles(KeyFolder, "*.pem").Select(f => Read(File.ReadAllText(f), f)).ToList()
            : [];
        string? currentId;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            currentId = await CredentialKeyQueries.CurrentIdAsync(connection, cancellationToken);
        }

        var current = keys.FirstOrDefault(k => k.Id == currentId);
        if (current is null)
        {
            current = Generate();
            logger.LogInformation("Generated a development credential key {KeyId} in {Folder}", current.Id, KeyFolder);
        }

        await MakeCurrentAsync(current, "credential-key.created", Actor.System, cancellationToken);
    }

    /// <summary>A new development key signs from now on; older keys stay in the DID document.</summary>
    public async Task<CredentialKey> RotateAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (!string.IsNullOrWhiteSpace(options.Value.Ed25519PrivateKeyPemPath))
        {
            throw new InvalidOperationException("The credential key comes from configuration: rotate by configuring a new PEM file.");
        }

        var key = Generate();
        await MakeCurrentAsync(key, "credential-key.rotated", actor, cancellationToken);
        return key;
    }

    public async Task<IReadOnlyList<(string Id, string PublicKeyMultibase)>> PublishedAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await CredentialKeyQueries.AllAsync(connection, cancellationToken);
    }

    // As for the OB 2.0 keys: a parallel registration of the same key by another instance is retried, not a 500.
    private Task<bool> MakeCurrentAsync(CredentialKey key, string action, Actor actor, CancellationToken cancellationToken) =>
        DatabaseRetry.RunAsync(() => MakeCurrentOnceAsync(key, action, actor, cancellationToken), idempotent: true, cancellationToken);

    private async Task<bool> MakeCurrentOnceAsync(CredentialKey key, string action, Actor actor, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await CredentialKeyQueries.MakeCurrentAsync(transaction, key.Id, key.PublicKeyMultibase, clock.GetUtcNow(), cancellationToken) > 0)
        {
            await audit.AppendAsync(transaction, actor, new AuditEntry(action, "credential-key", key.Id), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        _current = key;
        return true;
    }

    private static CredentialKey Read(string pem, string path)
    {
        try
        {
            var fields = System.Security.Cryptography.PemEncoding.Find(pem);
            var der = Convert.FromBase64String(pem[fields.Base64Data]);
            return PrivateKeyFactory.CreateKey(der) is Ed25519PrivateKeyParameters ed25519
                ? new CredentialKey(ed25519)
                : throw new ArgumentException("not an Ed25519 key");
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or IOException)
        {
            throw new MissingConfigurationException($"Credentials:Ed25519PrivateKeyPemPath must be an Ed25519 private key PEM file; {Path.GetFullPath(path)} is not one ({e.Message}).");
        }
    }

    private CredentialKey Generate()
    {
        Directory.CreateDirectory(KeyFolder);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(KeyFolder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var key = new CredentialKey(new Ed25519PrivateKeyParameters(new SecureRandom()));
        var der = PrivateKeyInfoFactory.CreatePrivateKeyInfo(key.PrivateKey).GetEncoded();
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // Owner-only before any private bytes are written.
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(Path.Combine(KeyFolder, key.Id + ".pem"), fileOptions))
        {
            writer.Write(System.Security.Cryptography.PemEncoding.Write("PRIVATE KEY", der));
        }

        return key;
    }
}
