using System.Security.Cryptography;
using Dapper;
using Microsoft.Extensions.Options;
using Osaamismerkit.Infrastructure.Auditing;

namespace Osaamismerkit.Infrastructure.Signing;

/// <summary>
/// Holds the current signing key and records every key's public half in the database, where it stays
/// published after rotation so older assertions remain verifiable.
/// </summary>
public sealed class SigningKeyStore(
    Database.Database database,
    AuditLog audit,
    TimeProvider clock,
    IOptions<SigningOptions> options,
    IHostEnvironment environment,
    ILogger<SigningKeyStore> logger)
{
    private const string Register = """
        INSERT INTO signing_keys (id, public_key_pem, created_at, retired_at)
        SELECT @Id, @PublicKeyPem, @CreatedAt, NULL
        WHERE NOT EXISTS (SELECT 1 FROM signing_keys WHERE id = @Id)
        """;

    private const string RetireOthers = "UPDATE signing_keys SET retired_at = @Now WHERE id <> @Id AND retired_at IS NULL";

    private const string PublicKey = "SELECT public_key_pem FROM signing_keys WHERE id = @Id";

    private const string AllIds = "SELECT id FROM signing_keys";

    private const string CurrentIdSql = "SELECT id FROM signing_keys WHERE retired_at IS NULL";

    private volatile SigningKey? _current;

    public SigningKey Current => _current ?? throw new InvalidOperationException("Signing keys are not loaded yet.");

    public string KeyFolder => Path.GetFullPath(options.Value.DevelopmentKeyFolder, database.DataFolder);

    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        var path = options.Value.PrivateKeyPemPath;
        if (!string.IsNullOrWhiteSpace(path))
        {
            await MakeCurrentAsync(SigningKey.From(await ConfiguredKeyAsync(path, cancellationToken)), "signing-key.configured", cancellationToken);
            return;
        }

        if (!environment.IsDevelopment() && !environment.IsEnvironment("Testing"))
        {
            throw new MissingConfigurationException(
                "Signing:PrivateKeyPemPath must be set outside Development (an RSA private key PEM file, e.g. `openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048`); " +
                "generated development keys are not for production.");
        }

        var keys = LoadDevelopmentKeys();
        await using var connection = await database.OpenAsync(cancellationToken);
        var currentId = await connection.QueryFirstOrDefaultAsync<string>(new CommandDefinition(CurrentIdSql, cancellationToken: cancellationToken));
        var current = keys.FirstOrDefault(k => k.Id == currentId);
        if (current is null)
        {
            current = GenerateDevelopmentKey();
            logger.LogInformation("Generated a development signing key {KeyId} in {Folder}", current.Id, KeyFolder);
        }

        await MakeCurrentAsync(current, "signing-key.created", cancellationToken);
    }

    /// <summary>A new development key signs from now on; older keys stay published.</summary>
    public async Task<SigningKey> RotateAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (!string.IsNullOrWhiteSpace(options.Value.PrivateKeyPemPath))
        {
            throw new InvalidOperationException("The signing key comes from configuration: rotate by configuring a new PEM file.");
        }

        var key = GenerateDevelopmentKey();
        await MakeCurrentAsync(key, "signing-key.rotated", cancellationToken, actor);
        return key;
    }

    public async Task<string?> PublicKeyPemAsync(string keyId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryFirstOrDefaultAsync<string>(new CommandDefinition(PublicKey, new { Id = keyId }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<string>> KeyIdsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(AllIds, cancellationToken: cancellationToken))).ToList();
    }

    // Two instances starting with one configured key both register it: under READ_COMMITTED_SNAPSHOT the loser's
    // NOT EXISTS reads the old snapshot and its INSERT meets the primary key; run again, it finds the key registered.
    private Task<bool> MakeCurrentAsync(SigningKey key, string action, CancellationToken cancellationToken, Actor? actor = null) =>
        Database.DatabaseRetry.RunAsync(() => MakeCurrentOnceAsync(key, action, actor, cancellationToken), idempotent: true, cancellationToken);

    private async Task<bool> MakeCurrentOnceAsync(SigningKey key, string action, Actor? actor, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var added = await connection.ExecuteAsync(new CommandDefinition(
            Register, new { key.Id, key.PublicKeyPem, CreatedAt = now }, transaction, cancellationToken: cancellationToken));
        var retired = await connection.ExecuteAsync(new CommandDefinition(
            RetireOthers, new { key.Id, Now = now }, transaction, cancellationToken: cancellationToken));
        if (added > 0 || retired > 0)
        {
            await audit.AppendAsync(transaction, actor ?? Actor.System, new AuditEntry(action, "signing-key", key.Id), cancellationToken);
        }

        if (retired > 0)
        {
            // RSA under the write lock, unlike issuing: this runs once per key change, and only badges issued before
            // key generations are signed again, so that they and the new key change together or not at all.
            var bound = await OpenBadges.LegacyAssertions.BindToAsync(transaction, key, cancellationToken);
            if (bound > 0)
            {
                await audit.AppendAsync(
                    transaction, actor ?? Actor.System,
                    new AuditEntry("assertions.resigned", "signing-key", key.Id, bound.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        _current = key;
        return true;
    }

    private static async Task<RSA> ConfiguredKeyAsync(string path, CancellationToken cancellationToken)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(await File.ReadAllTextAsync(path, cancellationToken));
            return rsa;
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            throw new MissingConfigurationException($"Signing:PrivateKeyPemPath must be an RSA private key PEM file; {Path.GetFullPath(path)} is not one ({e.Message}).");
        }
    }

    private List<SigningKey> LoadDevelopmentKeys()
    {
        if (!Directory.Exists(KeyFolder))
        {
            return [];
        }

        return Directory.GetFiles(KeyFolder, "*.pem")
            .Select(file =>
            {
                var rsa = RSA.Create();
                rsa.ImportFromPem(File.ReadAllText(file));
                return SigningKey.From(rsa);
            })
            .ToList();
    }

    private SigningKey GenerateDevelopmentKey()
    {
        Directory.CreateDirectory(KeyFolder);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(KeyFolder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var key = SigningKey.From(RSA.Create(options.Value.KeySizeBits));
        var file = Path.Combine(KeyFolder, key.Id + ".pem");
        // Create with owner-only permissions before any private bytes are written.
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(file, fileOptions))
        {
            writer.Write(key.Rsa.ExportPkcs8PrivateKeyPem());
        }

        return key;
    }
}
