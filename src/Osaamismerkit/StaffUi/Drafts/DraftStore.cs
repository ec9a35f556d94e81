using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Caching.Distributed;

namespace Osaamismerkit.StaffUi.Drafts;

/// <summary>
/// Short-lived, encrypted storage for drafts under a random id. A draft may hold an evidence note about a client, so it
/// lives only as long as a re-login can take and opens only for the instructor it was drawn for.
/// </summary>
public sealed class DraftStore(IDistributedCache cache, IDataProtectionProvider provider)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);

    private const string Prefix = "staff-draft:";

    private readonly IDataProtector _protector = provider.CreateProtector("Osaamismerkit.StaffUi.Draft.v1");

    public async Task<string> SaveAsync(StaffDraft draft, CancellationToken cancellationToken)
    {
        var id = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));
        var bytes = _protector.Protect(JsonSerializer.SerializeToUtf8Bytes(draft));
        await cache.SetAsync(Prefix + id, bytes, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime }, cancellationToken);
        return id;
    }

    /// <summary>The draft, if it exists and was kept for this instructor and this page.</summary>
    public async Task<StaffDraft?> FindAsync(string? id, string subject, string path, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 64)
        {
            return null;
        }

        var bytes = await cache.GetAsync(Prefix + id, cancellationToken);
        if (bytes is null)
        {
            return null;
        }

        StaffDraft? draft;
        try
        {
            draft = JsonSerializer.Deserialize<StaffDraft>(_protector.Unprotect(bytes));
        }
        catch (Exception e) when (e is CryptographicException or JsonException)
        {
            return null;
        }

        return draft is not null && draft.Subject == subject && string.Equals(draft.Path, path, StringComparison.Ordinal) ? draft : null;
    }

    public Task RemoveAsync(string? id, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(id) || id.Length > 64 ? Task.CompletedTask : cache.RemoveAsync(Prefix + id, cancellationToken);
}
