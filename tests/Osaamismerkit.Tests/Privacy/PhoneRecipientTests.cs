using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Osaamismerkit.Tests.Issuing;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Privacy;

/// <summary>A telephone number has too little entropy to be published as a hash: ~10⁸ Finnish mobiles fall in seconds.</summary>
public sealed class PhoneRecipientTests : IssuingTestBase
{
    private const long RealNumber = 358401234567;

    private const int Around = 100_000;

    [Test]
    public async Task Nothing_published_about_a_phone_only_clients_badge_confirms_the_number_by_brute_force()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit, phone: "040 123 4567");
        var issued = (await Scenario.PassAsync(Instructor, Scenario.Passing(BasicBadge, client.Id, Unit))).Badge!;

        var trace = await PublicTrace.CollectAsync(Anonymous, Guid.Parse(issued.AssertionId));

        Assert.That(trace, Does.Not.Contain("401234567"));
        Assert.That(BruteForce(PublicTrace.HashedIdentities(trace)), Is.Null, "a published hash confirmed the number");
    }

    /// <summary>The attack: every number within ±10⁵ of the real one against every published hash and salt.</summary>
    internal static string? BruteForce(IReadOnlyList<(string Hash, string Salt)> published)
    {
        foreach (var (hash, salt) in published)
        {
            var expected = Convert.FromHexString(hash);
            for (var n = RealNumber - Around; n <= RealNumber + Around; n++)
            {
                var candidate = "+" + n.ToString(CultureInfo.InvariantCulture);
                if (SHA256.HashData(Encoding.UTF8.GetBytes(candidate + salt)).AsSpan().SequenceEqual(expected))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
