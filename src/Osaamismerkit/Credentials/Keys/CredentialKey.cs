using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Osaamismerkit.Credentials.LinkedData;

namespace Osaamismerkit.Credentials.Keys;

/// <summary>An Ed25519 key that signs Data Integrity proofs; its id is the fragment of its verification method in the DID document.</summary>
public sealed class CredentialKey
{
    private readonly Ed25519PrivateKeyParameters _privateKey;

    public CredentialKey(Ed25519PrivateKeyParameters privateKey)
    {
        _privateKey = privateKey;
        PublicKey = privateKey.GeneratePublicKey().GetEncoded();
        PublicKeyMultibase = Ed25519Multikey.Encode(PublicKey);
        Id = "ed" + Convert.ToHexStringLower(SHA256.HashData(PublicKey))[..16];
    }

    public string Id { get; }

    public byte[] PublicKey { get; }

    public string PublicKeyMultibase { get; }

    public byte[] Sign(byte[] data)
    {
        var signer = new Ed25519Signer();
        signer.Init(true, _privateKey);
        signer.BlockUpdate(data, 0, data.Length);
        return signer.GenerateSignature();
    }

    internal Ed25519PrivateKeyParameters PrivateKey => _privateKey;
}
