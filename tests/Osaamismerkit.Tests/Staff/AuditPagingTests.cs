using System.Net.Http.Json;
using Osaamismerkit.Infrastructure.Auditing;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Tests.Issuing;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Staff;

/// <summary>
/// An admin reading the audit log page by page: newest first, at most <c>limit</c> rows, the next page asked for with
/// <c>before</c> set to the last row's id. On each provider, since the page's row limit is a dialect fragment (LIMIT on
/// SQLite, OFFSET/FETCH on SQL Server) and the two order and compare times and ids each their own way.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.AvailableProviders))]
public sealed class AuditPagingTests(DatabaseProvider provider) : IssuingTestBase(provider)
{
    private const int PageSize = 7;

    [Test]
    public async Task Paging_through_the_audit_log_misses_no_row_and_shows_none_twice_even_among_rows_of_one_instant()
    {
        // The clock stands still for most of them, as a batch's rows share one instant: before the cursor, the next page
        // was asked for by time (to = the last row's time), and every row of a boundary's instant not yet shown was lost.
        for (var i = 0; i < 24; i++)
        {
            if (i % 8 == 0)
            {
                App.Clock.Advance(TimeSpan.FromSeconds(1));
            }

            await Scenario.ClientAsync(Instructor, Unit, name: $"Sivutus {i}");
        }

        using var admin = Scenario.Admin();
        var everything = (await admin.GetFromJsonAsync<List<AuditRecord>>($"/api/audit?limit={AuditEndpoints.MaxLimit}"))!;
        var paged = await PageThroughAsync(admin, "/api/audit?");

        Assert.That(everything, Has.Count.GreaterThan(3 * PageSize), "more than three pages");
        Assert.That(paged.Pages, Is.GreaterThan(3));
        Assert.That(paged.Rows.Select(r => r.Id), Is.EqualTo(everything.Select(r => r.Id)), "the same rows in the same order");
        Assert.That(paged.Rows.Select(r => r.Id), Is.Unique);
        Assert.That(paged.Rows.Select(r => r.OccurredAt), Is.Ordered.Descending);
    }

    [Test]
    public async Task Paging_a_filtered_log_keeps_the_filter_on_every_page()
    {
        for (var i = 0; i < 2 * PageSize; i++)
        {
            App.Clock.Advance(TimeSpan.FromSeconds(1));
            var client = await Scenario.ClientAsync(Instructor, Unit, name: $"Suodatus {i}");
            App.Clock.Advance(TimeSpan.FromSeconds(1));
            await Scenario.PassAsync(Instructor, Scenario.Passing(BasicBadge, client.Id, Unit));
        }

        using var admin = Scenario.Admin();
        var paged = await PageThroughAsync(admin, "/api/audit?entityType=client&");

        Assert.That(paged.Rows.Select(r => r.Action), Has.All.EqualTo("client.created"));
        Assert.That(paged.Rows.Select(r => r.EntityId), Is.Unique);
        Assert.That(paged.Rows, Has.Count.EqualTo(2 * PageSize));
        Assert.That(paged.Pages, Is.EqualTo(3), "two full pages and an empty one that ends the paging");
    }

    private static async Task<(List<AuditRecord> Rows, int Pages)> PageThroughAsync(HttpClient admin, string query)
    {
        var rows = new List<AuditRecord>();
        var pages = 0;
        string? before = null;
        while (true)
        {
            var page = (await admin.GetFromJsonAsync<List<AuditRecord>>($"{query}limit={PageSize}{(before is null ? string.Empty : "&before=" + Uri.EscapeDataString(before))}"))!;
            pages++;
            Assert.That(pages, Is.LessThan(100), "paging ends");
            rows.AddRange(page);
            if (page.Count == 0)
            {
                return (rows, pages);
            }

            before = page[^1].Id;
        }
    }
}
