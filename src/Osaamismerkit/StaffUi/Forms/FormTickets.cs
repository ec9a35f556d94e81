using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Osaamismerkit.StaffUi.Forms;

/// <summary>
/// Issues and reads the protected ticket a staff form carries in a hidden field. Only this service can make one, so a
/// draft kept for a signed-out browser can be trusted to come from a form drawn for that very instructor.
/// </summary>
public sealed class FormTickets(IDataProtectionProvider provider)
{
    public const string FieldName = "form";

    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private readonly ITimeLimitedDataProtector _protector = provider.CreateProtector("Osaamismerkit.StaffUi.FormTicket.v1").ToTimeLimitedDataProtector();

    public string Issue(string subject, string? key = null) =>
        _protector.Protect((key ?? NewKey()) + "\n" + subject, Lifetime);

    public FormTicket? Read(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            var parts = _protector.Unprotect(value).Split('\n', 2);
            return parts.Length == 2 ? new FormTicket(parts[0], parts[1]) : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private static string NewKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
