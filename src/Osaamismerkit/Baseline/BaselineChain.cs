using System.Data.Common;

namespace Osaamismerkit.Baseline;

/// <summary>
/// Each mapping knows the dates of its client's previous and next mapping (in the order assessed_on, created_at, id),
/// overall and within its phase, year and quarter. With those, "each client's latest mapping in a period" is a plain
/// filter — the next one is missing or after the period — and the reports need no window over the whole table.
/// Rewritten for the whole client in the transaction that adds a mapping, so a back-dated one relinks its neighbours.
/// </summary>
public static class BaselineChain
{
    public static async Task RelinkAsync(DbTransaction transaction, string clientId, CancellationToken cancellationToken)
    {
        var rows = await BaselineQueries.LinksOfClientAsync(transaction, clientId, cancellationToken);
        foreach (var changed in Links(rows).Where(l => !rows.Contains(l)))
        {
            await BaselineQueries.UpdateLinksAsync(transaction, clientId, changed, cancellationToken);
        }
    }

    /// <summary>The links of one client's mappings, given in their order.</summary>
    public static IEnumerable<Link> Links(IReadOnlyList<Link> ordered)
    {
        for (var i = 0; i < ordered.Count; i++)
        {
            var row = ordered[i];
            var next = i + 1 < ordered.Count ? ordered[i + 1] : null;
            yield return row with
            {
                PreviousOn = i > 0 ? ordered[i - 1].AssessedOn : null,
                NextOn = next?.AssessedOn,
                NextInPhaseOn = ordered.Skip(i + 1).FirstOrDefault(r => r.Phase == row.Phase)?.AssessedOn,
                NextInYearOn = next is not null && next.AssessedOn.Year == row.AssessedOn.Year ? next.AssessedOn : null,
                NextInQuarterOn = next is not null && next.AssessedOn.Year == row.AssessedOn.Year && Quarter(next.AssessedOn) == Quarter(row.AssessedOn)
                    ? next.AssessedOn
                    : null,
            };
        }
    }

    private static int Quarter(DateOnly date) => (date.Month + 2) / 3;

    public sealed record Link
    {
        public required string Id { get; init; }

        public DateOnly AssessedOn { get; init; }

        public required string Phase { get; init; }

        public DateOnly? PreviousOn { get; init; }

        public DateOnly? NextOn { get; init; }

        public DateOnly? NextInPhaseOn { get; init; }

        public DateOnly? NextInYearOn { get; init; }

        public DateOnly? NextInQuarterOn { get; init; }
    }
}
