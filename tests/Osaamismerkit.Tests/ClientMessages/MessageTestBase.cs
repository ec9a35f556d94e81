using System.Text.RegularExpressions;
using Dapper;
using MimeKit;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Tests.Issuing;
using Osaamismerkit.Tests.Support;
using Osaamismerkit.Wallet;

namespace Osaamismerkit.Tests.ClientMessages;

/// <summary>A fresh service per test whose messages go to one real SMTP server per fixture; tests tell theirs apart by address.</summary>
public abstract partial class MessageTestBase : IssuingTestBase
{
    protected SmtpSink Sink { get; private set; } = null!;

    /// <summary>Addresses the fixture's server refuses with 550.</summary>
    protected virtual string[] RefusedAddresses => [];

    protected override IDictionary<string, string?>? Settings
    {
        get
        {
            var settings = Sink.Settings();
            settings["Public:BaseUrl"] = "http://localhost";
            return settings;
        }
    }

    [OneTimeSetUp]
    public async Task StartSmtpServer() => Sink = await SmtpSink.StartAsync(rejectTo: RefusedAddresses);

    [OneTimeTearDown]
    public async Task StopSmtpServer()
    {
        if (Sink is not null)
        {
            await Sink.DisposeAsync();
        }
    }

    /// <summary>The messages the server received for this address, once there are <paramref name="count"/>.</summary>
    protected async Task<IReadOnlyList<MimeMessage>> ReceivedAsync(string address, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var mine = Sink.Deliveries().Where(d => d.To.Contains(address, StringComparer.OrdinalIgnoreCase)).ToList();
            if (mine.Count >= count)
            {
                return mine.Select(Sink.Read).ToList();
            }

            await Task.Delay(50);
        }

        Assert.Fail($"{address} did not receive {count} messages in time.");
        return [];
    }

    protected async Task<T> OneAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await App.Service<Database>().OpenAsync();
        return await connection.QuerySingleAsync<T>(sql, parameters);
    }

    /// <summary>The wallet link of a message, from its text part.</summary>
    protected static string WalletLinkIn(MimeMessage message) => WalletLink().Match(message.TextBody ?? string.Empty).Value;

    /// <summary>The client whose wallet the link opens, or null.</summary>
    protected async Task<string?> WalletOwnerAsync(string link)
    {
        var token = new Uri(link).AbsolutePath.Split('/')[2];
        await using var connection = await App.Service<Database>().OpenAsync();
        return (await WalletLinkQueries.ClientByTokenAsync(connection, WalletTokens.Hash(token), CancellationToken.None))?.Id;
    }

    [GeneratedRegex(@"http://localhost/w/[A-Za-z0-9_-]{43}\?lang=[a-z]{2}")]
    private static partial Regex WalletLink();
}
