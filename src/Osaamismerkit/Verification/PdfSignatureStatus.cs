namespace Osaamismerkit.Verification;

/// <summary>What the verify API says of an uploaded certificate PDF's own signature.</summary>
public static class PdfSignatureStatus
{
    /// <summary>Signed by one of the service's document-signing certificates, and not a byte changed since.</summary>
    public const string Valid = "valid";

    /// <summary>A signature is there, but the file was changed after signing or the signature itself is broken.</summary>
    public const string Invalid = "invalid";

    /// <summary>The signature holds, but its signer is not a certificate this service has signed with.</summary>
    public const string UnknownSigner = "unknown-signer";

    /// <summary>No signature: printed while no document-signing certificate was configured.</summary>
    public const string NotSigned = "unsigned";
}
