using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Osaamismerkit.Verification;

/// <summary>
/// Published public keys, imported once per process. Importing a PEM on every verification cost more than the RSA
/// check itself, and OpenSSL 3 serialises key imports on global locks, so under load verifiers queued for them.
/// Keys come only from our own signing_keys table and a key's PEM never changes, so the set stays small and exact.
/// </summary>
public sealed class VerificationKeys : IDisposable
{
    private readonly ConcurrentDictionary<string, RSA> _keys = new(StringComparer.Ordinal);

    /// <summary>The key for a PEM; null if the PEM is not an RSA public key.</summary>
    public RSA? For(string publicKeyPem)
    {
        if (_keys.TryGetValue(publicKeyPem, out var known))
        {
            return known;
        }

        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(publicKeyPem);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            return null;
        }

        // A parallel first use may have imported the same PEM: keep one, dispose the other.
        var kept = _keys.GetOrAdd(publicKeyPem, rsa);
        if (!ReferenceEquals(kept, rsa))
        {
            rsa.Dispose();
        }

        return kept;
    }

    public void Dispose()
    {
        foreach (var rsa in _keys.Values)
        {
            rsa.Dispose();
        }

        _keys.Clear();
    }
}
