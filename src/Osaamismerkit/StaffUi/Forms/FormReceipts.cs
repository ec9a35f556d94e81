using Microsoft.Extensions.Caching.Distributed;

namespace Osaamismerkit.StaffUi.Forms;

/// <summary>
/// Remembers what a form's key already created, for forms whose API has no Idempotency-Key (adding a client): sending
/// the same form twice opens what the first one made.
/// </summary>
public sealed class FormReceipts(IDistributedCache cache)
{
    private static readonly DistributedCacheEntryOptions Lifetime = new() { AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(24) };

    public Task<string?> FindAsync(FormTicket ticket, CancellationToken cancellationToken) =>
        cache.GetStringAsync(Key(ticket), cancellationToken);

    public Task SaveAsync(FormTicket ticket, string createdId, CancellationToken cancellationToken) =>
        cache.SetStringAsync(Key(ticket), createdId, Lifetime, cancellationToken);

    private static string Key(FormTicket ticket) => $"staff-receipt:{ticket.Subject}:{ticket.Key}";
}
