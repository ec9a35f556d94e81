namespace Osaamismerkit.Clients;

/// <param name="ContactUnreadable">
/// True when the stored e-mail or phone cannot be decrypted with this instance's key ring (a database restored without
/// it): the fields are then null, and the client is still shown rather than failing the whole answer.
/// </param>
public sealed record ClientView(
    string Id,
    string DisplayName,
    string? Email,
    string? Phone,
    string PreferredLanguage,
    string UnitId,
    string MunicipalityCode,
    bool ShareName,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    bool ContactUnreadable)
{
    public static ClientView Of(ClientRow row, ContactProtector protector)
    {
        var readable = protector.TryUnprotect(row.EmailProtected, out var email) & protector.TryUnprotect(row.PhoneProtected, out var phone);
        return new(row.Id, row.DisplayName, email, phone, row.PreferredLanguage, row.UnitId, row.MunicipalityCode, row.ShareName,
            row.CreatedAt, row.UpdatedAt, !readable);
    }
}
