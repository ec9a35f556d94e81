using System.Data.Common;
using Osaamismerkit.Clients;
using Osaamismerkit.Infrastructure.Http;
using Osaamismerkit.Wallet;

namespace Osaamismerkit.ClientMessages;

/// <summary>
/// Queues a message to the client inside the caller's transaction, so that the message exists exactly when the change it
/// tells of does. Nothing is queued for a client without an e-mail address or one who refused messages. Call
/// <see cref="WakeSender"/> after the commit.
/// </summary>
public sealed class Outbox(ContactProtector protector, PublicUrls urls, OutboxSignal signal)
{
    private bool _queued;

    public async Task<bool> QueueAsync(
        DbTransaction transaction, string clientId, string assertionId, string badgeId, string kind, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var contact = await ClientQueries.MessageContactAsync(transaction.Connection!, clientId, cancellationToken, transaction);
        if (contact is not { EmailProtected: not null, RefusesMessages: false }
            || await OutboxQueries.ExistsAsync(transaction, assertionId, kind, cancellationToken))
        {
            return false;
        }

        var id = Guid.CreateVersion7().ToString();
        var token = WalletTokens.Create();
        await WalletLinkQueries.InsertForMessageAsync(transaction, Guid.CreateVersion7().ToString(), clientId, WalletTokens.Hash(token), id, now, cancellationToken);
        var link = urls.Absolute(WalletPaths.In(WalletPaths.Home(token), contact.PreferredLanguage));
        await OutboxQueries.InsertAsync(
            transaction, id, clientId, assertionId, badgeId, kind, contact.PreferredLanguage, protector.Protect(link), now, cancellationToken);
        _queued = true;
        return true;
    }

    /// <summary>After the commit: the worker looks at once instead of at its next poll.</summary>
    public void WakeSender()
    {
        if (_queued)
        {
            _queued = false;
            signal.Wake();
        }
    }
}
