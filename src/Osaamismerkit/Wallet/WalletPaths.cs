namespace Osaamismerkit.Wallet;

/// <summary>Links inside a wallet keep the language the client chose.</summary>
public static class WalletPaths
{
    public static string Home(string token) => $"/w/{token}";

    public static string Badge(string token, string shortId) => $"/w/{token}/b/{shortId}";

    public static string Qr(string token, string shortId) => $"/w/{token}/b/{shortId}/qr";

    public static string DigitalWallet(string token, string shortId) => $"/w/{token}/b/{shortId}/digital-wallet";

    public static string Claim(string token, string shortId) => $"/w/{token}/b/{shortId}/claim";

    public static string Name(string token) => $"/w/{token}/name";

    public static string In(string path, string language) => $"{path}?lang={language}";
}
