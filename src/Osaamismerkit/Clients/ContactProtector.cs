using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Osaamismerkit.Clients;

/// <summary>E-mail, phone and claim codes are encrypted at rest with ASP.NET Core Data Protection.</summary>
public sealed class ContactProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Osaamismerkit.Clients.Contact.v1");

    public string? Protect(string? value) => value is null ? null : _protector.Protect(value);

    /// <summary>The plain value; a value the key ring cannot decrypt throws <see cref="ContactUnreadableException"/>.</summary>
    public string? Unprotect(string? value)
    {
        try
        {
            return value is null ? null : _protector.Unprotect(value);
        }
        catch (CryptographicException e)
        {
            throw new ContactUnreadableException(e);
        }
    }

    /// <summary>For pages that show what they can: false when the key ring cannot decrypt the value.</summary>
    public bool TryUnprotect(string? value, out string? plain)
    {
        try
        {
            plain = value is null ? null : _protector.Unprotect(value);
            return true;
        }
        catch (CryptographicException)
        {
            plain = null;
            return false;
        }
    }
}
