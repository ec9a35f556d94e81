namespace Osaamismerkit.Clients;

/// <summary>The lookup hashes of one client's e-mail and phone, and which key made them (columns email_hash, phone_hash, contact_hash_key).</summary>
public sealed record ContactLookupHashes(string? EmailHash, string? PhoneHash, string? KeyId);
