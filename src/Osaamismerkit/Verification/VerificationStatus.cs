namespace Osaamismerkit.Verification;

public static class VerificationStatus
{
    public const string Valid = "valid";
    public const string Revoked = "revoked";
    public const string Expired = "expired";
    public const string SignatureInvalid = "signature-invalid";
}
