using System.Data.Common;
using System.Text.Json;
using Dapper;
using Osaamismerkit.Assessments;
using Osaamismerkit.Catalogue;
using Osaamismerkit.Clients;
using Osaamismerkit.Infrastructure.Auditing;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Issuing;
using Osaamismerkit.Staff;
using Osaamismerkit.Wallet;

namespace Osaamismerkit.Demo;

/// <summary>
/// Fills a database with a believable region: units across the 14 municipalities (more in Joensuu), clients who
/// start at different times over the years, baselines at intake, start, work coaching and closing that rise over
/// time, and demonstrations that pass or are not yet passed, with milestone badges when their parts are complete.
/// Only for demos and benchmarks: it refuses a database that already has clients.
/// </summary>
public sealed class DemoRegion(
    Database database, Catalogue.BadgeCatalogue catalogue, AssertionIssuer issuer, AuditLog audit, TimeProvider clock,
    ContactProtector protector, ContactLookupKey lookupKey, WalletLinks walletLinks)
{
    /// <summary>The development identity provider's instructors; each is put in one of the first units.</summary>
    public static readonly string[] Instructors = ["ohjaaja", "ohjaaja2"];

    private static readonly Actor Seeder = new("demo-seed", "System");

    // Statistics Finland codes, weighted roughly by population so that Joensuu has the most units.
    private static readonly (string Code, string Name, int Weight)[] Municipalities =
    [
        ("167", "Joensuu", 8), ("426", "Liperi", 2), ("276", "Kontiolahti", 2), ("260", "Kitee", 2), ("422", "Lieksa", 2),
        ("309", "Outokumpu", 2), ("541", "Nurmes", 2), ("146", "Ilomantsi", 1), ("141", "Juuka", 1), ("607", "Polvijärvi", 1),
        ("848", "Tohmajärvi", 1), ("090", "Heinävesi", 1), ("707", "Rääkkylä", 1), ("911", "Valtimo", 1),
    ];

    private static readonly string[] UnitKinds = ["Työtoimintakeskus", "Digipaja", "Kuntouttava työtoiminta", "Työpaja", "Ohjaamo"];

    private static readonly string[] Modes = [DeliveryModes.OnSite, DeliveryModes.OnSite, DeliveryModes.OnSite, DeliveryModes.Remote, DeliveryModes.Hybrid];

    /// <param name="WalletPath">The private wallet of the showcase client with e-mail, phone, and a valid, an expired and a revoked badge.</param>
    public sealed record Summary(int Units, int Clients, int Baselines, int Assessments, int Assertions, string FirstUnitName, string WalletPath);

    public async Task<Summary> SeedAsync(DemoRegionOptions options, CancellationToken cancellationToken = default)
    {
        var random = new Random(options.RandomSeed);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var units = new List<(string Id, string Municipality)>();
        var firstUnitName = "";
        int baselines = 0, assessments = 0, assertions = 0;
        await using var connection = await database.OpenAsync(cancellationToken);
        if (await ClientQueries.AnyAsync(connection, cancellationToken))
        {
            throw new InvalidOperationException("The database already has clients: demo data goes only into an empty database.");
        }

        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            var weighted = Municipalities.SelectMany(m => Enumerable.Repeat(m, m.Weight)).ToList();
            var named = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < options.Units; i++)
            {
                // Every municipality gets a unit first; the rest follow population.
                var municipality = i < Municipalities.Length ? Municipalities[i] : weighted[random.Next(weighted.Count)];
                var id = $"demo-unit-{i + 1:00}";
                units.Add((id, municipality.Code));
                // Numbered per kind and municipality: two units of one name made the report's unit filter ambiguous.
                var kind = $"{UnitKinds[i % UnitKinds.Length]} {municipality.Name}";
                named[kind] = named.GetValueOrDefault(kind) + 1;
                var name = $"{kind} {named[kind]}";
                firstUnitName = i == 0 ? name : firstUnitName;
                await UnitQueries.InsertAsync(transaction, id, name, municipality.Code, clock.GetUtcNow(), cancellationToken);
            }

            // Signing in as ohjaaja after seed-demo must show clients: the start-up's development units have none.
            for (var i = 0; i < Instructors.Length; i++)
            {
                await UnitQueries.AddMemberAsync(transaction, units[Math.Min(i, units.Count - 1)].Id, Instructors[i], cancellationToken);
            }

            await audit.AppendAsync(transaction, new Actor("demo-seed", "System"), new AuditEntry("demo.seeded", "region", "demo", $"units={options.Units} clients={options.Clients}"), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        const int batch = 200;
        for (var start = 0; start < options.Clients; start += batch)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            for (var n = start; n < Math.Min(options.Clients, start + batch); n++)
            {
                var counts = await ClientAsync(transaction, n, units[random.Next(units.Count)], random, today, options, cancellationToken);
                baselines += counts.Baselines;
                assessments += counts.Assessments;
                assertions += counts.Assertions;
            }

            await transaction.CommitAsync(cancellationToken);
        }

        var showcase = await ShowcaseAsync(connection, units[0], today, cancellationToken);
        var token = await walletLinks.RotateAsync(showcase.WalletClientId, Seeder, cancellationToken)
            ?? throw new InvalidOperationException("The showcase client's wallet link could not be made.");
        return new Summary(
            units.Count, options.Clients + showcase.Clients, baselines, assessments + showcase.Assertions, assertions + showcase.Assertions,
            firstUnitName, WalletPaths.Home(token.Token));
    }

    /// <summary>
    /// A few named clients in the first unit, so the README's try-it path meets every case at once: a badge to an e-mail
    /// address, one to a phone-only client (named by its page's URL, as every phone-only badge is, waiting for its claim
    /// code) and one to a client with no contact at all; an expired and a revoked badge beside a valid one.
    /// </summary>
    private async Task<(string WalletClientId, int Clients, int Assertions)> ShowcaseAsync(
        DbConnection connection, (string Id, string Municipality) unit, DateOnly today, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var aino = await NamedClientAsync(transaction, "Aino Esimerkki", "fi", "aino.esimerkki@example.fi", "+358401234567", unit, today, cancellationToken);
        var bertil = await NamedClientAsync(transaction, "Bertil Exempel", "sv", null, "+358501234567", unit, today, cancellationToken);
        var paula = await NamedClientAsync(transaction, "Paula Paperinen", "fi", null, null, unit, today, cancellationToken);

        var email = Recipient.Email("aino.esimerkki@example.fi");
        await ShowcaseBadgeAsync(transaction, aino, "citizen-device-2", "fi", email, today.AddDays(-20), unit, cancellationToken);
        // Security badges are valid for 36 months: this one ran out last month.
        await ShowcaseBadgeAsync(transaction, aino, "citizen-security-2", "fi", email, today.AddMonths(-37), unit, cancellationToken);
        var revoked = await ShowcaseBadgeAsync(transaction, aino, "citizen-messaging-2", "fi", email, today.AddDays(-60), unit, cancellationToken);
        await Revocations.RevokeAsync(
            transaction, audit, Seeder, revoked, RevocationReasons.IssuedInError, clock.GetUtcNow(), cancellationToken, internalNote: "Arviointi kirjattiin väärälle asiakkaalle.");
        await ShowcaseBadgeAsync(transaction, bertil, "citizen-device-2", "sv", recipient: null, today.AddDays(-10), unit, cancellationToken);
        await ShowcaseBadgeAsync(transaction, paula, "citizen-device-2", "fi", null, today.AddDays(-5), unit, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (aino, 3, 5);
    }

    private async Task<string> NamedClientAsync(
        DbTransaction transaction, string name, string language, string? email, string? phone, (string Id, string Municipality) unit, DateOnly today,
        CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString();
        var created = At(today.AddMonths(-38));
        var client = new ClientRow
        {
            Id = id,
            DisplayName = name,
            EmailProtected = protector.Protect(email),
            PhoneProtected = protector.Protect(phone),
            PreferredLanguage = language,
            UnitId = unit.Id,
            MunicipalityCode = unit.Municipality,
            ShareName = email is not null,
            CreatedAt = created,
            UpdatedAt = created,
        };
        await ClientQueries.InsertAsync(transaction, client, lookupKey.Of(email, phone), cancellationToken);
        await audit.AppendAsync(transaction, Seeder, new AuditEntry("client.created", "client", id, "demo showcase"), cancellationToken);
        return id;
    }

    /// <summary>A demonstration by ohjaaja and the badge it earned; the assertion's id.</summary>
    private async Task<string> ShowcaseBadgeAsync(
        DbTransaction transaction, string clientId, string badgeId, string language, Recipient? recipient, DateOnly day, (string Id, string Municipality) unit,
        CancellationToken cancellationToken)
    {
        var badge = catalogue.Badges.Single(b => b.Id == badgeId);
        var assessmentId = Guid.NewGuid().ToString();
        await AssessmentQueries.InsertAsync(transaction, new NewAssessment
        {
            Id = assessmentId,
            ClientId = clientId,
            BadgeId = badge.Id,
            BadgeVersion = badge.Version,
            DemonstratedOn = day,
            UnitId = unit.Id,
            DeliveryMode = DeliveryModes.OnSite,
            CriteriaJson = JsonSerializer.Serialize(badge.Criteria.Select(c => new { id = c.Id, met = true })),
            EvidenceNote = "Teki tehtävän itsenäisesti ohjaajan seuratessa.",
            Outcome = Outcomes.Passed,
            InstructorSubject = Instructors[0],
            InstructorName = "Demo Ohjaaja",
            InstructorTitle = "Digiohjaaja",
            CreatedAt = At(day),
        }, cancellationToken);
        var issued = await issuer.IssueAsync(transaction, new NewAssertion(clientId, badge, language, recipient, At(day), assessmentId, "Demo"), Seeder, cancellationToken);
        return issued.Id.ToString();
    }

    private async Task<(int Baselines, int Assessments, int Assertions)> ClientAsync(
        DbTransaction transaction, int number, (string Id, string Municipality) unit, Random random, DateOnly today,
        DemoRegionOptions options, CancellationToken cancellationToken)
    {
        var connection = transaction.Connection!;
        var id = Guid.NewGuid().ToString();
        var started = today.AddDays(-random.Next(14, options.Years * 365));
        var language = random.Next(20) switch { 0 => "sv", 1 => "en", _ => "fi" };
        var client = new ClientRow
        {
            Id = id,
            DisplayName = $"Demo-asiakas {number + 1:0000}",
            PreferredLanguage = language,
            UnitId = unit.Id,
            MunicipalityCode = unit.Municipality,
            ShareName = false,
            CreatedAt = At(started),
            UpdatedAt = At(started),
        };
        await ClientQueries.InsertAsync(transaction, client, new ContactLookupHashes(null, null, null), cancellationToken);

        // Baselines at the phases reached by now; levels rise a little between them.
        var levels = Enumerable.Range(0, 5).Select(_ => random.Next(100) switch { < 25 => 0, < 60 => 1, < 90 => 2, _ => 3 }).ToArray();
        var baselineCount = 0;
        foreach (var (phase, after) in new[] { ("intake", 0), ("start", 21), ("work-coaching", 150), ("closing", 330) })
        {
            var on = started.AddDays(after + random.Next(0, 10));
            if (on > today)
            {
                break;
            }

            if (after > 0)
            {
                levels = levels.Select(l => Math.Min(4, l + (random.Next(100) < 45 ? 1 : 0))).ToArray();
            }

            int? Self(int level) => random.Next(3) == 0 ? null : Math.Clamp(level + random.Next(-1, 2), 0, 4);
            var baseline = new Baseline.BaselineRow
            {
                Id = Guid.NewGuid().ToString(),
                ClientId = id,
                AssessedOn = on,
                Phase = phase,
                UnitId = unit.Id,
                DeliveryMode = Modes[random.Next(Modes.Length)],
                Level1 = levels[0],
                Level2 = levels[1],
                Level3 = levels[2],
                Level4 = levels[3],
                Level5 = levels[4],
                Self1 = Self(levels[0]),
                Self2 = Self(levels[1]),
                Self3 = Self(levels[2]),
                Self4 = Self(levels[3]),
                Self5 = Self(levels[4]),
                CreatedAt = At(on),
            };
            await Baseline.BaselineQueries.InsertAsync(transaction, baseline, unit.Municipality, "demo-instructor", cancellationToken);
            baselineCount++;
        }

        await Baseline.BaselineChain.RelinkAsync(transaction, id, cancellationToken);

        // Demonstrations: basic levels of one track first (both for some), the next level after its basic one.
        var tracks = random.Next(4) == 0 ? new[] { Track.Citizen, Track.WorkLife } : [random.Next(2) == 0 ? Track.Citizen : Track.WorkLife];
        var plan = catalogue.Badges.Where(b => b.Kind == BadgeKind.Skill && tracks.Contains(b.Track)).OrderBy(b => b.Level).ThenBy(_ => random.Next()).ToList();
        var held = new HashSet<string>(StringComparer.Ordinal);
        var target = Math.Max(1, (int)Math.Round(options.AssessmentsPerClient * (0.5 + random.NextDouble())));
        var day = started.AddDays(random.Next(7, 40));
        int assessmentCount = 0, assertionCount = 0;
        while (assessmentCount < target && day <= today)
        {
            var badge = plan.FirstOrDefault(b => !held.Contains(b.Id) && b.PrerequisiteIds.All(held.Contains));
            if (badge is null)
            {
                break;
            }

            var passed = random.Next(100) < 78;
            var assessmentId = Guid.NewGuid().ToString();
            var mode = Modes[random.Next(Modes.Length)];
            var missing = passed ? null : badge.Criteria.Where(c => c.Required).OrderBy(_ => random.Next()).First().Id;
            await AssessmentQueries.InsertAsync(transaction, new NewAssessment
            {
                Id = assessmentId,
                ClientId = id,
                BadgeId = badge.Id,
                BadgeVersion = badge.Version,
                DemonstratedOn = day,
                UnitId = unit.Id,
                DeliveryMode = mode,
                CriteriaJson = JsonSerializer.Serialize(badge.Criteria.Select(c => new { id = c.Id, met = c.Id != missing })),
                EvidenceNote = passed ? "Teki tehtävän itsenäisesti ohjaajan seuratessa." : "Harjoitellaan vielä yhtä kohtaa.",
                Outcome = passed ? Outcomes.Passed : Outcomes.NotYet,
                InstructorSubject = "demo-instructor",
                InstructorName = "Demo Ohjaaja",
                InstructorTitle = "Digiohjaaja",
                CreatedAt = At(day),
            }, cancellationToken);
            assessmentCount++;
            if (passed)
            {
                held.Add(badge.Id);
                var where = new Place(unit.Id, mode, unit.Municipality);
                assertionCount += await IssueAsync(transaction, id, badge, language, At(day), assessmentId, where, options.Sign, cancellationToken);
                foreach (var milestone in catalogue.MilestonesContaining(badge.Id).Where(m => !held.Contains(m.Id) && m.PartIds.All(held.Contains)))
                {
                    held.Add(milestone.Id);
                    assertionCount += await IssueAsync(transaction, id, milestone, language, At(day), null, where with { Mode = null }, options.Sign, cancellationToken);
                }
            }

            day = day.AddDays(random.Next(3, 45));
        }

        return (baselineCount, assessmentCount, assertionCount);
    }

    private async Task<int> IssueAsync(
        DbTransaction transaction, string clientId, BadgeDefinition badge, string language, DateTimeOffset on, string? assessmentId, Place where, bool sign,
        CancellationToken cancellationToken)
    {
        if (sign)
        {
            await issuer.IssueAsync(transaction, new NewAssertion(clientId, badge, language, null, on, assessmentId, assessmentId is null ? null : "Demo"),
                Seeder, cancellationToken);
        }
        else
        {
            await AssertionQueries.InsertUnsignedAsync(
                transaction, clientId, badge.Id, badge.Version, assessmentId, on, where.UnitId, where.Mode, where.Municipality, cancellationToken);
        }

        return 1;
    }

    private sealed record Place(string UnitId, string? Mode, string Municipality);

    private DateTimeOffset At(DateOnly day)
    {
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
        return at < clock.GetUtcNow() ? at : clock.GetUtcNow();
    }
}
