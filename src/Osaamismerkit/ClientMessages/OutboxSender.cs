using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using Osaamismerkit.Catalogue;
using Osaamismerkit.Clients;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Issuing;

namespace Osaamismerkit.ClientMessages;

/// <summary>
/// Sends the due messages of the outbox, one at a time: claim the row (a lease), send it with the row's own Message-ID,
/// mark it sent as soon as the server has answered 250 to the message, or put it back with a later time and the reason.
/// <para>
/// The guarantee, precisely. Never lost: a row leaves the outbox only as sent (after the server accepted it), failed or
/// cancelled (with the reason, for admins); a worker that dies holding a row leaves it due again when the lease ends, and
/// a crash before the commit of the change leaves neither change nor message. Never twice, with one exception that
/// SMTP itself cannot close: the server's "250 accepted" and our "mark sent" are two systems' commits, so a process that
/// dies in the instant between them (a few milliseconds: one UPDATE, no other work, nothing awaited but the database)
/// sends the message again after the lease. The resend has the same Message-ID, by which mail systems and mail programs
/// recognise a duplicate. A kill at any other moment — before DATA ends, while the server holds the reply — sends the
/// message once: the server did not accept what it did not answer. No network protocol can make two independent commits
/// one; this narrows the window to the mark itself and makes a duplicate recognisable.
/// </para>
/// </summary>
public sealed class OutboxSender(
    Database database,
    ContactProtector protector,
    BadgeCatalogue catalogue,
    MessageComposer composer,
    IOptions<MessageOptions> options,
    TimeProvider clock,
    ILogger<OutboxSender> logger)
{
    private const int Batch = 50;
    private static readonly TimeSpan MaxBackOff = TimeSpan.FromHours(6);

    /// <summary>Sends what is due now; the number of messages sent. Nothing without a configured server.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!o.SendingConfigured)
        {
            return 0;
        }

        IReadOnlyList<string> due;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            due = await OutboxQueries.DueAsync(connection, database.Dialect, clock.GetUtcNow(), Batch, cancellationToken);
        }

        var sent = 0;
        using var smtp = new SmtpClient { Timeout = o.SmtpTimeoutSeconds * 1000 };
        foreach (var id in due)
        {
            var outcome = await SendOneAsync(smtp, id, cancellationToken);
            if (outcome == Outcome.Sent)
            {
                sent++;
            }
            else if (outcome == Outcome.ServerUnreachable)
            {
                // The rest would fail the same way: they wait for the next round, their attempts untouched.
                break;
            }
        }

        if (smtp.IsConnected)
        {
            await smtp.DisconnectAsync(quit: true, cancellationToken);
        }

        return sent;
    }

    private async Task<Outcome> SendOneAsync(SmtpClient smtp, string id, CancellationToken cancellationToken)
    {
        var o = options.Value;
        await using var connection = await database.OpenAsync(cancellationToken);
        var now = clock.GetUtcNow();
        if (!await ClaimAsync(connection, id, now, now.AddSeconds(o.SendLeaseSeconds), cancellationToken)
            || await OutboxQueries.FindAsync(connection, id, cancellationToken) is not { } message)
        {
            return Outcome.NotMine;
        }

        var contact = await ClientQueries.MessageContactAsync(connection, message.ClientId, cancellationToken);
        var email = protector.Unprotect(contact?.EmailProtected);
        var link = protector.Unprotect(message.PayloadProtected);
        if (contact is null || email is null || contact.RefusesMessages || link is null)
        {
            var reason = contact?.RefusesMessages == true ? "the client refused messages" : email is null ? "the client has no e-mail address" : "the message has no link";
            await WriteAsync(() => OutboxQueries.FinishAsync(connection, id, MessageStatuses.Cancelled, reason, cancellationToken), cancellationToken);
            return Outcome.Finished;
        }

        var assertion = await AssertionQueries.FindAsync(connection, message.AssertionId, cancellationToken);
        var badgeName = catalogue.Find(message.BadgeId)?.Name.In(message.Language) ?? message.BadgeId;
        var mime = composer.Compose(message, email, link, badgeName, assertion?.Expires);
        try
        {
            if (!smtp.IsConnected)
            {
                await smtp.ConnectAsync(o.SmtpHost!, o.SmtpPort, Enum.Parse<SecureSocketOptions>(o.SmtpSecurity), cancellationToken);
                if (!string.IsNullOrEmpty(o.SmtpUserName))
                {
                    await smtp.AuthenticateAsync(o.SmtpUserName, o.SmtpPassword ?? string.Empty, cancellationToken);
                }
            }

            await smtp.SendAsync(mime, cancellationToken);
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode >= 500)
        {
            // Refused for good (a mailbox that does not exist, a message the server will never take): retrying cannot help.
            // The server's own text may repeat the address, so only its code is kept.
            await WriteAsync(() => OutboxQueries.FinishAsync(connection, id, MessageStatuses.Failed, $"refused by the SMTP server: {(int)e.StatusCode} {e.ErrorCode}", cancellationToken), cancellationToken);
            logger.LogWarning("Message {MessageId} was refused by the SMTP server: {Status} {Error}", id, (int)e.StatusCode, e.ErrorCode);
            return Outcome.Finished;
        }
        catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or AuthenticationException or SocketException or IOException or TimeoutException or ServiceNotConnectedException or SslHandshakeException)
        {
            var reason = e switch
            {
                SmtpCommandException c => $"the SMTP server asked to try later: {(int)c.StatusCode} {c.ErrorCode}",
                AuthenticationException => "the SMTP server did not accept the user name and password",
                _ => $"the SMTP server could not be reached: {e.GetType().Name}",
            };
            await RetryOrFailAsync(connection, message, reason, cancellationToken);
            if (smtp.IsConnected)
            {
                await smtp.DisconnectAsync(quit: false, CancellationToken.None);
            }

            return e is SmtpCommandException ? Outcome.Finished : Outcome.ServerUnreachable;
        }

        // Nothing else happens between the server's acceptance and this mark: that instant is the only one in which a
        // crash sends the message again (see the class comment).
        await WriteAsync(() => OutboxQueries.MarkSentAsync(connection, id, clock.GetUtcNow(), CancellationToken.None), CancellationToken.None);
        logger.LogInformation("Message {MessageId} ({Kind}) was sent", id, message.Kind);
        return Outcome.Sent;
    }

    private async Task RetryOrFailAsync(System.Data.Common.DbConnection connection, OutboxMessage message, string reason, CancellationToken cancellationToken)
    {
        var o = options.Value;
        // message.Attempts was read after the claim, so it counts this attempt.
        if (message.Attempts >= o.MaxAttempts)
        {
            await WriteAsync(() => OutboxQueries.FinishAsync(connection, message.Id, MessageStatuses.Failed, $"gave up after {message.Attempts} attempts: {reason}", cancellationToken), cancellationToken);
            logger.LogWarning("Message {MessageId} failed after {Attempts} attempts: {Reason}", message.Id, message.Attempts, reason);
            return;
        }

        var wait = TimeSpan.FromSeconds(o.RetryBaseSeconds * Math.Pow(2, message.Attempts - 1));
        var next = clock.GetUtcNow() + (wait > MaxBackOff ? MaxBackOff : wait);
        await WriteAsync(() => OutboxQueries.RetryAsync(connection, message.Id, next, reason, cancellationToken), cancellationToken);
        logger.LogInformation("Message {MessageId} will be tried again at {Next}: {Reason}", message.Id, next, reason);
    }

    private async Task<bool> ClaimAsync(System.Data.Common.DbConnection connection, string id, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        using var turn = await database.WaitForWriteTurnAsync(cancellationToken);
        return await OutboxQueries.ClaimAsync(connection, id, now, until, cancellationToken);
    }

    private async Task WriteAsync(Func<Task> write, CancellationToken cancellationToken)
    {
        using var turn = await database.WaitForWriteTurnAsync(cancellationToken);
        await write();
    }

    private enum Outcome
    {
        Sent,
        Finished,
        NotMine,
        ServerUnreachable,
    }
}
