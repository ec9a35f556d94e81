namespace Osaamismerkit.Credentials.LinkedData;

/// <summary>What the issuer states in a Data Integrity proof besides the signature itself.</summary>
public sealed record DataIntegrityProofOptions(string VerificationMethod, DateTimeOffset Created, string ProofPurpose = "assertionMethod");
