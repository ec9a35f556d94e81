namespace Osaamismerkit.Reports;

/// <summary>
/// Consistent random rounding to base 5 (the cell-key method): a count of n ≥ 5 clients is published as the multiple
/// of five below or above it, rounded up with probability (n mod 5) / 5, which makes the published count right on
/// average. The draw is the cell's key — the sum of its clients' random record keys modulo 2^32 — so the same clients
/// always give the same published number, whichever query or table they appear in: repeating or re-slicing a query
/// learns nothing new, and any two published counts differ by a multiple of five.
/// </summary>
public static class CellKeyRounding
{
    public const int Base = 5;

    private const long KeySpace = 1L << 32;

    /// <summary>The count to publish for <paramref name="count"/> clients whose record keys add up to <paramref name="keySum"/>.</summary>
    public static long Round(long count, long keySum)
    {
        var remainder = count % Base;
        if (remainder == 0)
        {
            return count;
        }

        // Up when the key, as a fraction of the key space, falls below remainder / 5: compared in integers, no rounding error.
        var key = ((keySum % KeySpace) + KeySpace) % KeySpace;
        return key * Base < remainder * KeySpace ? count - remainder + Base : count - remainder;
    }

    /// <summary>A share in percent computed from published counts only, so that it tells nothing the counts do not.</summary>
    public static double? Percent(long part, long partKeys, long whole, long wholeKeys)
    {
        var published = Round(whole, wholeKeys);
        return whole < ReportTables.MinimumForMeasures || published == 0 ? null : Math.Round(100.0 * Round(part, partKeys) / published, 0);
    }
}
