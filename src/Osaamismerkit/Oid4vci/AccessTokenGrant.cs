namespace Osaamismerkit.Oid4vci;

public sealed record AccessTokenGrant(string AccessToken, int ExpiresInSeconds);
