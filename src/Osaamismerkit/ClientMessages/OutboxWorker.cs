using Microsoft.Extensions.Options;
using Osaamismerkit.Infrastructure.Database;

namespace Osaamismerkit.ClientMessages;

/// <summary>
/// The background sender: queues expiry reminders, sends what is due, then waits until a commit wakes it or the poll
/// interval passes. A failure of one round is logged and the next round tries again; the outbox keeps every message.
/// </summary>
public sealed class OutboxWorker(IServiceScopeFactory scopes, OutboxSignal signal, IOptions<MessageOptions> options, ILogger<OutboxWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var o = options.Value;
        await SayWhetherSendingAsync(o, stoppingToken);
        var remindersWarned = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                try
                {
                    await scope.ServiceProvider.GetRequiredService<ExpiryReminders>().QueueDueAsync(stoppingToken);
                }
                catch (InvalidOperationException e) when (!remindersWarned)
                {
                    // Without a request there is no origin to build the wallet link from but Public:BaseUrl.
                    remindersWarned = true;
                    logger.LogWarning("Expiry reminders are not queued: {Reason}", e.Message);
                }

                var sender = scope.ServiceProvider.GetRequiredService<OutboxSender>();
                while (await sender.SendDueAsync(stoppingToken) > 0)
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The message outbox round failed; the next round tries again");
            }

            try
            {
                await signal.WaitAsync(TimeSpan.FromSeconds(o.PollSeconds), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private async Task SayWhetherSendingAsync(MessageOptions o, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<Database>();
        await using var connection = await database.OpenAsync(cancellationToken);
        var counts = await OutboxQueries.CountsAsync(connection, cancellationToken);
        var waiting = counts.GetValueOrDefault(MessageStatuses.Queued) + counts.GetValueOrDefault(MessageStatuses.Sending);
        if (o.SendingConfigured)
        {
            logger.LogInformation("Messages to clients are sent through {Host}:{Port}; {Waiting} wait in the outbox", o.SmtpHost, o.SmtpPort, waiting);
        }
        else
        {
            logger.LogWarning(
                "Messages to clients are not sent: no SMTP server is configured (Messages:SmtpHost). {Waiting} messages wait in the outbox, and new ones will wait there until a server is configured",
                waiting);
        }
    }
}
