namespace Osaamismerkit.Clients;

/// <summary>
/// A contact detail or claim code that this instance's key ring cannot decrypt: typically a database restored without
/// its key ring, or an instance started without the key-ring certificate. Answered as a plain 503, never a 500.
/// </summary>
public sealed class ContactUnreadableException(Exception inner)
    : Exception("Encrypted client data cannot be decrypted with this instance's key ring.", inner);
