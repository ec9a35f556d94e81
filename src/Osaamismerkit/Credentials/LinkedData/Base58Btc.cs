using System.Numerics;
using System.Text;

namespace Osaamismerkit.Credentials.LinkedData;

/// <summary>
/// The Bitcoin base58 alphabet used by multibase 'z'. A few lines rather than a package: the inputs are at
/// most 64 bytes, so the big-integer form is fast enough and plainly correct.
/// </summary>
internal static class Base58Btc
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    public static string Encode(ReadOnlySpan<byte> bytes)
    {
        var leadingZeros = 0;
        while (leadingZeros < bytes.Length && bytes[leadingZeros] == 0)
        {
            leadingZeros++;
        }

        var value = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        var digits = new StringBuilder();
        while (value > 0)
        {
            value = BigInteger.DivRem(value, 58, out var remainder);
            digits.Insert(0, Alphabet[(int)remainder]);
        }

        return new string('1', leadingZeros) + digits;
    }

    public static byte[] Decode(string text)
    {
        var leadingOnes = 0;
        while (leadingOnes < text.Length && text[leadingOnes] == '1')
        {
            leadingOnes++;
        }

        var value = BigInteger.Zero;
        foreach (var c in text)
        {
            var digit = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (digit < 0)
            {
                throw new FormatException($"'{c}' is not a base58btc character.");
            }

            value = (value * 58) + digit;
        }

        var body = value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var result = new byte[leadingOnes + body.Length];
        body.CopyTo(result, leadingOnes);
        return result;
    }
}
