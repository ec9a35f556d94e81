using System.IO.Compression;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;
using Osaamismerkit.Assessments;

namespace Osaamismerkit.Tests.Credentials;

/// <summary>
/// The revocation status list, read as an attacker would: downloaded again and again, with the indices of some badges
/// known (every public credential carries its own). Bitstring Status List v1.0 §6 (privacy): the list must not tell the
/// order or the number of badges issued, and one revocation must flip one bit and nothing else, so it says no more than
/// the public page of the revoked badge already does.
/// </summary>
public sealed class StatusListPrivacyTests : CredentialTestBase
{
    private const int Badges = 10;

    [Test]
    public async Task Indices_known_to_an_attacker_do_not_follow_the_issue_order_nor_sit_together()
    {
        var indices = new List<int>();
        foreach (var badge in await IssueManyAsync(Badges))
        {
            indices.Add(await IndexOfAsync(badge));
        }

        var ascending = indices.Zip(indices.Skip(1), (a, b) => a < b).All(x => x);
        var descending = indices.Zip(indices.Skip(1), (a, b) => a > b).All(x => x);
        TestContext.Out.WriteLine($"indices in issue order: {string.Join(", ", indices)}");
        Assert.Multiple(() =>
        {
            Assert.That(indices, Is.Unique);
            // Random draws from 131 072 are in issue order with probability 2/10! (about 1 in 1.8 million).
            Assert.That(ascending || descending, Is.False, "the order of the bits gives the order of issue");
            // Sequential allocation would put ten badges within ten bits of each other; random ones land about 100 000 apart.
            Assert.That(indices.Max() - indices.Min(), Is.GreaterThan(10_000), "the bits sit together, so a neighbour's bit names a badge issued at the same time");
        });
    }

    [Test]
    public async Task The_list_is_the_same_131072_bits_whether_one_or_ten_badges_were_issued()
    {
        await IssueManyAsync(1);
        var afterOne = await StatusListAsync();
        await IssueManyAsync(Badges - 1);
        var afterTen = await StatusListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(Bits(afterOne), Has.Length.EqualTo(131_072 / 8), "Bitstring Status List §6.1: at least 131 072 entries for herd privacy");
            Assert.That(Bits(afterTen), Is.EqualTo(Bits(afterOne)));
            Assert.That(WithoutTimes(afterTen).ToJsonString(), Is.EqualTo(WithoutTimes(afterOne).ToJsonString()), "nothing else in the list changes with the number of badges");
        });
    }

    [Test]
    public async Task One_revocation_changes_exactly_one_bit_the_revoked_badges_own()
    {
        var badges = await IssueManyAsync(Badges);
        var revoked = badges[Badges / 2];
        var index = await IndexOfAsync(revoked);
        var before = await StatusListAsync();

        await RevokeAsync(revoked, "issued_in_error");
        var after = await StatusListAsync();

        var changed = ChangedBits(Bits(before), Bits(after));
        Assert.Multiple(() =>
        {
            Assert.That(changed, Is.EqualTo(new[] { index }));
            Assert.That(WithoutTimes(after).ToJsonString(), Is.EqualTo(WithoutTimes(before).ToJsonString()), "only the bits and the times change");
        });
    }

    [Test]
    public async Task The_revoked_bit_leads_to_no_more_than_the_public_page_already_shows()
    {
        var (_, badge) = await IssueAsync(email: "herkka@example.fi");
        await RevokeAsync(badge, "issued_in_error");

        var list = (await StatusListAsync()).ToJsonString();
        var credential = (await CredentialWithProofAsync(badge)).ToJsonString();

        // The list names no badge and no person; the public credential that names the bit names no person either.
        Assert.Multiple(() =>
        {
            Assert.That(list, Does.Not.Contain(badge.AssertionId));
            foreach (var personal in new[] { "herkka", "Maija", "Meikäläinen", "@example.fi" })
            {
                Assert.That(list, Does.Not.Contain(personal));
                Assert.That(credential, Does.Not.Contain(personal));
            }
        });
    }

    private async Task<List<IssuedBadge>> IssueManyAsync(int count)
    {
        var badges = new List<IssuedBadge>();
        for (var i = 0; i < count; i++)
        {
            // Letters only: a random hex GUID can hold a valid Finnish identity code (six digits, A–F as the century sign,
            // three digits, the check character), which the service rightly refuses to store (seen once in CI).
            var name = TestContext.CurrentContext.Random.GetString(16, "ghijklmnopqrstuvwxyz");
            badges.Add((await IssueAsync(email: $"holder-{name}@example.fi")).Badge);
        }

        return badges;
    }

    private async Task<int> IndexOfAsync(IssuedBadge badge) =>
        int.Parse((await CredentialWithProofAsync(badge))["credentialStatus"]!["statusListIndex"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The raw bitstring: multibase "u", base64url, GZIP (Bitstring Status List §3.2), decoded here on its own.</summary>
    private static byte[] Bits(JsonObject list)
    {
        var encoded = list["credentialSubject"]!["encodedList"]!.GetValue<string>();
        Assert.That(encoded, Does.StartWith("u"));
        using var gzip = new GZipStream(new MemoryStream(Base64UrlEncoder.DecodeBytes(encoded[1..])), CompressionMode.Decompress);
        using var bits = new MemoryStream();
        gzip.CopyTo(bits);
        return bits.ToArray();
    }

    private static int[] ChangedBits(byte[] before, byte[] after) =>
        Enumerable.Range(0, before.Length * 8).Where(i => ((before[i / 8] ^ after[i / 8]) & (0x80 >> (i % 8))) != 0).ToArray();

    /// <summary>The list without what changes on every download anyway: its validFrom, the proof, and the bits.</summary>
    private static JsonObject WithoutTimes(JsonObject list)
    {
        var copy = list.DeepClone().AsObject();
        copy.Remove("validFrom");
        copy.Remove("proof");
        copy["credentialSubject"]!.AsObject().Remove("encodedList");
        return copy;
    }
}
