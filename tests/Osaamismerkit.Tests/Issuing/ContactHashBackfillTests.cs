using System.Net.Http.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Osaamismerkit.Clients;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Issuing;

/// <summary>
/// The start-up backfill of contact lookup hashes over more clients than one of its batches (500): it pages by client id
/// with the dialect's row limit, so the step from one batch to the next is where a provider's ordering or limit could
/// lose or repeat clients. On each provider.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.AvailableProviders))]
public sealed class ContactHashBackfillTests(DatabaseProvider provider) : IssuingTestBase(provider)
{
    private const int Clients = 540;

    [Test]
    [CancelAfter(300_000)]
    public async Task More_clients_than_one_batch_are_all_hashed_again_once_in_two_batches(CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        for (var i = 0; i < Clients; i++)
        {
            // Every third by phone only, so that both hashes are backfilled.
            var client = await Scenario.ClientAsync(Instructor, Unit, email: i % 3 == 2 ? null : $"taytto{i}@example.fi", phone: i % 3 == 2 ? $"040{i:0000000}" : null);
            ids.Add(client.Id);
        }

        var database = App.Service<Database>();
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            // As migration 0007 left rows written before it, and as a changed key leaves every row.
            await connection.ExecuteAsync("UPDATE clients SET email_hash = NULL, phone_hash = NULL, contact_hash_key = NULL");
        }

        var outcome = await App.Services.GetRequiredService<ContactHashBackfill>().RunAsync(cancellationToken);
        var again = await App.Services.GetRequiredService<ContactHashBackfill>().RunAsync(cancellationToken);

        Assert.That(outcome, Is.EqualTo(new ContactHashBackfill.Outcome(Clients, 0)));
        Assert.That(again, Is.EqualTo(new ContactHashBackfill.Outcome(0, 0)), "nothing left stale, nothing hashed twice");
        Assert.That(await Scenario.CountAsync("clients", "contact_hash_key IS NULL OR (email_hash IS NULL AND phone_hash IS NULL)"), Is.Zero);
        Assert.That(
            await Scenario.CountAsync("audit_log", "action = 'clients.contact-hashed' AND (detail LIKE '500 clients%' OR detail LIKE '40 clients%')"),
            Is.EqualTo(2),
            "one audit row per batch: 500, then 40");

        // The ids on each side of the batch boundary, in the order the backfill walked them, and the ends.
        var ordered = ids.Order(StringComparer.Ordinal).ToList();
        foreach (var index in new[] { 0, 499, 500, Clients - 1 })
        {
            var i = ids.IndexOf(ordered[index]);
            var query = i % 3 == 2 ? $"040{i:0000000}" : $"taytto{i}@example.fi";
            var found = await Instructor.GetFromJsonAsync<ClientSummary[]>($"/api/clients?q={Uri.EscapeDataString(query)}", cancellationToken);
            Assert.That(found!.Select(c => c.Id), Is.EqualTo(new[] { ordered[index] }), $"client {index} in id order found by {query}");
        }
    }
}
