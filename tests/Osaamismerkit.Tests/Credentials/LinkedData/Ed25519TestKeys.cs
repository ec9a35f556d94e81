using Org.BouncyCastle.Math.EC.Rfc8032;
using Osaamismerkit.Credentials.LinkedData;

namespace Osaamismerkit.Tests.Credentials.LinkedData;

/// <summary>Ed25519 keys for the tests: the W3C vector key pair, and fresh ones.</summary>
internal sealed record Ed25519TestKeys(byte[] PrivateKey, byte[] PublicKey)
{
    /// <summary>The vc-di-eddsa key pair: privateKeyMultibase is multicodec 0x1300 (varint 0x80 0x26) and the 32-byte seed.</summary>
    public static Ed25519TestKeys W3cVector()
    {
        var pair = LinkedDataFiles.ReadJson("Vectors", "keyPair.json");
        var secret = Base58Btc.Decode(pair["privateKeyMultibase"]!.GetValue<string>()[1..]);
        Assert.That(secret[..2], Is.EqualTo(new byte[] { 0x80, 0x26 }), "ed25519-priv multicodec prefix");
        return new Ed25519TestKeys(secret[2..], Ed25519Multikey.Decode(pair["publicKeyMultibase"]!.GetValue<string>()));
    }

    public static Ed25519TestKeys Generate()
    {
        var privateKey = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        var publicKey = new byte[32];
        Ed25519.GeneratePublicKey(privateKey, 0, publicKey, 0);
        return new Ed25519TestKeys(privateKey, publicKey);
    }

    public byte[] Sign(byte[] message)
    {
        var signature = new byte[Ed25519.SignatureSize];
        Ed25519.Sign(PrivateKey, 0, message, 0, message.Length, signature, 0);
        return signature;
    }
}
