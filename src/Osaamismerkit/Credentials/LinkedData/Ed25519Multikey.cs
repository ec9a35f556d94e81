namespace Osaamismerkit.Credentials.LinkedData;

/// <summary>
/// An Ed25519 public key as a Multikey <c>publicKeyMultibase</c> (W3C Controlled Identifiers §2.2.2): the
/// multicodec prefix 0xed01 and the 32 key bytes, base58btc with the multibase prefix 'z', so "z6Mk…".
/// </summary>
public static class Ed25519Multikey
{
    private static readonly byte[] Prefix = [0xed, 0x01];

    public static string Encode(ReadOnlySpan<byte> publicKey32)
    {
        if (publicKey32.Length != 32)
        {
            throw new ArgumentException("An Ed25519 public key is 32 bytes.", nameof(publicKey32));
        }

        var bytes = new byte[34];
        Prefix.CopyTo(bytes, 0);
        publicKey32.CopyTo(bytes.AsSpan(2));
        return "z" + Base58Btc.Encode(bytes);
    }

    public static byte[] Decode(string multibase)
    {
        ArgumentNullException.ThrowIfNull(multibase);
        if (!multibase.StartsWith('z'))
        {
            throw new FormatException("An Ed25519 Multikey is base58btc multibase and starts with 'z'.");
        }

        var bytes = Base58Btc.Decode(multibase[1..]);
        if (bytes.Length != 34 || bytes[0] != Prefix[0] || bytes[1] != Prefix[1])
        {
            throw new FormatException("Not an Ed25519 Multikey (multicodec 0xed01 and 32 key bytes).");
        }

        return bytes[2..];
    }
}
