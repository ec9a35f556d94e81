namespace Osaamismerkit.Verification;

public sealed record VerifiedIssuer(string Id, string Name, string Url);
