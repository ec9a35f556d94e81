using Microsoft.AspNetCore.DataProtection;

namespace Osaamismerkit.Clients;

/// <summary>E-mail and phone are encrypted at rest with ASP.NET Core Data Protection.</summary>
public sealed class ContactProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Osaamismerkit.Clients.Contact.v1");

    public string? Protect(string? value) => value is null ? null : _protector.Protect(value);

    public string? Unprotect(string? value) => value is null ? null : _protector.Unprotect(value);
}
