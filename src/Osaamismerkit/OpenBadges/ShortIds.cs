namespace Osaamismerkit.OpenBadges;

/// <summary>
/// Short, URL-safe public ids for badge pages: the assertion's 128-bit UUID in base64url (22 characters),
/// so a short link is as unguessable as the UUID itself.
/// </summary>
public static class ShortIds
{
    public static string Encode(Guid id) =>
        Convert.ToBase64String(id.ToByteArray(bigEndian: true)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryDecode(string? value, out Guid id)
    {
        id = Guid.Empty;
        if (value is null || value.Length != 22)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[16];
        var base64 = value.Replace('-', '+').Replace('_', '/') + "==";
        if (!Convert.TryFromBase64String(base64, bytes, out var written) || written != 16)
        {
            return false;
        }

        id = new Guid(bytes, bigEndian: true);
        return true;
    }
}
