using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.ClientMessages;

/// <summary>Without an SMTP server nothing is sent, and the service says so when it starts, where operators look.</summary>
public sealed class StartupNoticeTests
{
    [Test]
    [CancelAfter(120_000)]
    public async Task Without_an_smtp_server_start_up_logs_that_messages_wait_in_the_outbox(CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("osaamismerkit-no-smtp-").FullName;
        try
        {
            await using var service = await ServiceProcess.StartAsync(folder);
            while (!service.Output.Contains("Messages to clients are", StringComparison.Ordinal))
            {
                Assert.That(service.HasExited, Is.False, service.Output);
                await Task.Delay(100, cancellationToken);
            }

            Assert.That(service.Output, Does.Contain("warn:").And.Contain(
                "Messages to clients are not sent: no SMTP server is configured (Messages:SmtpHost). 0 messages wait in the outbox"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
