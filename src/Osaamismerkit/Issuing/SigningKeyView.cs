namespace Osaamismerkit.Issuing;

public sealed record SigningKeyView(string KeyId, string Url);
