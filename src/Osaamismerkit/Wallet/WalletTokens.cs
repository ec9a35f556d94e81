using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Osaamismerkit.Wallet;

/// <summary>
/// Wallet link tokens: 256 random bits in base64url (43 characters). Only their SHA-256 is stored; a token this
/// long needs no salt or slow hash, as nobody can guess one to test against a leaked hash.
/// </summary>
public static partial class WalletTokens
{
    public const int Bytes = 32;

    public static string Create() => Base64Url(RandomNumberGenerator.GetBytes(Bytes));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    public static bool LooksValid(string? token) => token is not null && Shape().IsMatch(token);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("^[A-Za-z0-9_-]{43}$")]
    private static partial Regex Shape();
}
