using System.Security.Cryptography;
using System.Text;

namespace Osaamismerkit.Issuing;

/// <summary>
/// One-time codes printed on a certificate for clients without e-mail: 12 characters (60 bits) from an alphabet
/// without look-alikes (no I, L, O, U, 0, 1), grouped XXXX-XXXX-XXXX for reading aloud and typing.
/// </summary>
public static class ClaimCodes
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string Create()
    {
        var chars = new char[12];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return $"{new string(chars, 0, 4)}-{new string(chars, 4, 4)}-{new string(chars, 8, 4)}";
    }

    /// <summary>Tolerates lower case, spaces and missing dashes, as people type codes.</summary>
    public static string? Normalize(string? code)
    {
        if (code is null)
        {
            return null;
        }

        var compact = new string(code.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
        return compact.Length == 12 && compact.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? compact : null;
    }

    public static string Hash(string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(code) ?? throw new ArgumentException("Not a claim code.", nameof(code)))));
}
