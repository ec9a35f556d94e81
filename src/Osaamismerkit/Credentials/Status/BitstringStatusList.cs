using System.IO.Compression;
using Microsoft.IdentityModel.Tokens;

namespace Osaamismerkit.Credentials.Status;

/// <summary>
/// The W3C Bitstring Status List v1.0 encoding: bit i is the i-th bit from the left (index 0 is the most significant
/// bit of the first byte), the bytes GZIP-compressed and written as a multibase base64url string ("u" prefix, no padding).
/// </summary>
public static class BitstringStatusList
{
    /// <summary>
    /// 131,072 bits (16 KiB), the spec's minimum for herd privacy: with fewer, a set bit narrows down whose badge it is.
    /// At about 350 clients a year this one list lasts decades; <see cref="StatusLists"/> refuses to overfill it.
    /// </summary>
    public const int Length = 131_072;

    public static string Encode(IEnumerable<int> setBits)
    {
        var bytes = new byte[Length / 8];
        foreach (var bit in setBits)
        {
            bytes[bit / 8] |= (byte)(0x80 >> (bit % 8));
        }

        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return "u" + Base64UrlEncoder.Encode(compressed.ToArray());
    }

    public static bool IsSet(string encodedList, int index)
    {
        if (!encodedList.StartsWith('u'))
        {
            throw new FormatException("A Bitstring Status List is multibase base64url (\"u\").");
        }

        using var input = new MemoryStream(Base64UrlEncoder.DecodeBytes(encodedList[1..]));
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var bytes = new MemoryStream();
        gzip.CopyTo(bytes);
        var all = bytes.ToArray();
        return index >= 0 && index / 8 < all.Length && (all[index / 8] & (0x80 >> (index % 8))) != 0;
    }
}
