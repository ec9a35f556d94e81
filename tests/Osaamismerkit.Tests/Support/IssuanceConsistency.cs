using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Osaamismerkit.Infrastructure.Database;

namespace Osaamismerkit.Tests.Support;

/// <summary>
/// Reads a database row by row and lists everything that would show a half-done issuance: an assessment or assertion
/// without its audit row, an audit row without its change, a passed assessment without its badge, a badge held twice,
/// a revocation without its audit row, a signature that does not verify. Empty means consistent.
/// </summary>
public static class IssuanceConsistency
{
    private const string Assessments = "SELECT id AS Id, outcome AS Outcome FROM assessments";

    private const string Assertions = """
        SELECT a.id AS Id, a.assessment_id AS AssessmentId, a.client_id AS ClientId, a.badge_id AS BadgeId, a.revoked_at AS RevokedAt,
               a.assertion_json AS Json, a.jws AS Jws, k.public_key_pem AS PublicKeyPem
        FROM assertions a JOIN signing_keys k ON k.id = a.signing_key_id
        """;

    private const string AuditCounts = """
        SELECT action AS Action, entity_id AS EntityId, COUNT(*) AS Count
        FROM audit_log
        WHERE action IN ('assessment.recorded', 'assertion.issued', 'assertion.revoked')
        GROUP BY action, entity_id
        """;

    private const string HeldTwice = """
        SELECT client_id AS ClientId, badge_id AS BadgeId FROM assertions WHERE revoked_at IS NULL GROUP BY client_id, badge_id HAVING COUNT(*) > 1
        """;

    public static async Task<IReadOnlyList<string>> ProblemsInFileAsync(string sqliteFile)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = sqliteFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        await using var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync();
        return await ProblemsAsync(connection);
    }

    public static async Task<IReadOnlyList<string>> ProblemsAsync(DbConnection connection)
    {
        DapperTypeHandlers.Register();
        var problems = new List<string>();
        if (connection is SqliteConnection)
        {
            var integrity = await connection.ExecuteScalarAsync<string>("PRAGMA integrity_check");
            if (integrity != "ok")
            {
                problems.Add("integrity_check: " + integrity);
            }
        }

        var assessments = (await connection.QueryAsync<AssessmentRow>(Assessments)).ToList();
        var assertions = (await connection.QueryAsync<AssertionRow>(Assertions)).ToList();
        var audit = (await connection.QueryAsync<AuditCount>(AuditCounts)).ToDictionary(a => (a.Action, a.EntityId), a => (int)a.Count);
        int Audited(string action, string id) => audit.GetValueOrDefault((action, id));

        var assertionsOf = assertions.Where(a => a.AssessmentId is not null).ToLookup(a => a.AssessmentId!);
        foreach (var assessment in assessments)
        {
            if (Audited("assessment.recorded", assessment.Id) != 1)
            {
                problems.Add($"assessment {assessment.Id}: {Audited("assessment.recorded", assessment.Id)} audit rows");
            }

            if (assessment.Outcome == "passed" && !assertionsOf[assessment.Id].Any())
            {
                problems.Add($"assessment {assessment.Id}: passed but no assertion");
            }

            if (assessment.Outcome != "passed" && assertionsOf[assessment.Id].Any())
            {
                problems.Add($"assessment {assessment.Id}: {assessment.Outcome} but has assertions");
            }
        }

        var assessmentIds = assessments.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var assertionIds = assertions.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var assertion in assertions)
        {
            if (Audited("assertion.issued", assertion.Id) != 1)
            {
                problems.Add($"assertion {assertion.Id}: {Audited("assertion.issued", assertion.Id)} issue audit rows");
            }

            if ((assertion.RevokedAt is null) != (Audited("assertion.revoked", assertion.Id) == 0))
            {
                problems.Add($"assertion {assertion.Id}: revoked_at {assertion.RevokedAt?.ToString("O") ?? "null"} but {Audited("assertion.revoked", assertion.Id)} revocation audit rows");
            }

            // An erased client's assertions keep no signed document (see PersonalDataEndpoints).
            if (assertion.Jws.Length > 0 && (!IndependentJwsVerifier.Verify(assertion.Jws, assertion.PublicKeyPem)
                || IndependentJwsVerifier.Payload(assertion.Jws) != assertion.Json))
            {
                problems.Add($"assertion {assertion.Id}: the signature does not verify or signs another document");
            }
        }

        foreach (var ((action, id), _) in audit)
        {
            var exists = action == "assessment.recorded" ? assessmentIds.Contains(id) : assertionIds.Contains(id);
            if (!exists)
            {
                problems.Add($"audit {action} {id}: no such row");
            }
        }

        // Two columns joined here rather than with ||, which only SQLite (and SQL Server 2025) reads as concatenation.
        problems.AddRange((await connection.QueryAsync<HeldBadge>(HeldTwice)).Select(p => $"held twice: {p.ClientId} {p.BadgeId}"));
        return problems;
    }

    private sealed record AssessmentRow
    {
        public required string Id { get; init; }

        public required string Outcome { get; init; }
    }

    private sealed record AssertionRow
    {
        public required string Id { get; init; }

        public string? AssessmentId { get; init; }

        public required string ClientId { get; init; }

        public required string BadgeId { get; init; }

        public DateTimeOffset? RevokedAt { get; init; }

        public required string Json { get; init; }

        public required string Jws { get; init; }

        public required string PublicKeyPem { get; init; }
    }

    private sealed record AuditCount
    {
        public required string Action { get; init; }

        public required string EntityId { get; init; }

        public required long Count { get; init; }
    }

    private sealed record HeldBadge
    {
        public required string ClientId { get; init; }

        public required string BadgeId { get; init; }
    }
}
