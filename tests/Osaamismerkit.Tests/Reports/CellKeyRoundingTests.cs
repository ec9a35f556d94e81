using Osaamismerkit.Reports;

namespace Osaamismerkit.Tests.Reports;

/// <summary>The rounding rule against a reference written from its definition, in floating point and without shortcuts.</summary>
public sealed class CellKeyRoundingTests
{
    [Test]
    public void Counts_round_to_the_multiple_of_five_below_or_above_as_the_cell_key_falls()
    {
        var random = new Random(14);
        for (var i = 0; i < 10_000; i++)
        {
            var count = random.NextInt64(0, 200);
            var keySum = random.NextInt64(0, 1L << 40);

            Assert.That(CellKeyRounding.Round(count, keySum), Is.EqualTo(Reference(count, keySum)), $"{count} with key sum {keySum}");
        }
    }

    [Test]
    public void Rounding_up_happens_in_proportion_to_the_distance_from_the_multiple_below()
    {
        var random = new Random(5);
        var up = Enumerable.Range(0, 100_000).Count(_ => CellKeyRounding.Round(7, random.NextInt64(0, 1L << 32)) == 10);

        Assert.That(up / 100_000.0, Is.EqualTo(0.4).Within(0.01), "7 is two fifths of the way from 5 to 10");
    }

    /// <summary>The cell key as a fraction of 2^32; up when it is below (n mod 5) / 5.</summary>
    private static long Reference(long count, long keySum)
    {
        var below = count / 5 * 5;
        var fraction = (double)(keySum % 4294967296L) / 4294967296.0;
        return count == below ? count : fraction < (count - below) / 5.0 ? below + 5 : below;
    }
}
