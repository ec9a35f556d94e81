using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Resources;
using System.Text.Json;
using Dapper;
using Osaamismerkit.Assessments;
using Osaamismerkit.Resources;

namespace Osaamismerkit.Tests.Support;

/// <summary>What an <see cref="IssuerCrowd"/> sent and heard, and the row-by-row comparison with the database.</summary>
public sealed class CrowdRun
{
    private static readonly int[] Expected = [201, 409, 422, 503];

    private static readonly ResourceManager Texts = new(typeof(Messages));

    /// <summary>
    /// The only refusals a well-formed crowd request may get, by status: the client already holds the badge (another key
    /// issued it first) or lacks a prerequisite. A reused key (422 IdempotencyKeyReused) or a field error never fits: the
    /// crowd sends each key with one request only.
    /// </summary>
    private static readonly Dictionary<int, string> RefusalTitles = new()
    {
        [409] = Texts.GetString("AlreadyHoldsBadge", CultureInfo.GetCultureInfo("fi"))!,
        [422] = Texts.GetString("PrerequisiteMissingTitle", CultureInfo.GetCultureInfo("fi"))!,
    };

    public ConcurrentBag<IssuingAttempt> Attempts { get; } = [];

    /// <summary>Every request with its answer, or with none when the connection failed.</summary>
    public ConcurrentBag<Observation> Observations { get; } = [];

    /// <summary>Requests the crowd itself gave up on half-way (to be retried with the same key).</summary>
    public ConcurrentBag<Observation> CutOff { get; } = [];

    /// <summary>The final answer per key; keys missing here were in flight when the run stopped.</summary>
    public ConcurrentDictionary<string, Observation> Answered { get; } = new(StringComparer.Ordinal);

    public TimeSpan Elapsed { get; set; }

    public int Requests => Observations.Count + CutOff.Count;

    public string Summary()
    {
        var answered = Observations.Where(o => o.Status is not null).Select(o => o.Elapsed.TotalMilliseconds).Order().ToList();
        double Percentile(double p) => answered.Count == 0 ? 0 : answered[Math.Min(answered.Count - 1, (int)(p * answered.Count))];
        var statuses = string.Join(", ", Observations.GroupBy(o => o.Status?.ToString(CultureInfo.InvariantCulture) ?? "no answer")
            .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}: {g.Count()}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"{Attempts.Count} keys, {Requests} requests in {Elapsed.TotalSeconds:0.0} s = {Requests / Elapsed.TotalSeconds:0} requests/s; " +
            $"latency p50 {Percentile(0.50):0} ms, p99 {Percentile(0.99):0} ms, max {Percentile(1):0} ms; " +
            $"{Observations.Count(o => o.Result?.Badge is not null)} answers with a badge; cut off by the client: {CutOff.Count}; statuses: {statuses}");
    }

    /// <summary>
    /// Answers that should never happen: 5xx other than 503, an unexpected status, an error that is not problem details,
    /// a refusal for another reason than the two a crowd request can meet, and a retry sent after its key succeeded that
    /// is answered with anything but the replay of that success.
    /// </summary>
    public IReadOnlyList<string> BadAnswers(bool connectionFailuresExpected = false)
    {
        var problems = new List<string>();
        problems.AddRange(RetriesNotReplayed());
        foreach (var o in Observations)
        {
            if (o.Status is not { } status)
            {
                if (!connectionFailuresExpected)
                {
                    problems.Add($"{o.Attempt.Key}: no answer ({o.Body})");
                }
            }
            else if (!Expected.Contains(status))
            {
                problems.Add($"{o.Attempt.Key}: {status} {Snippet(o.Body)}");
            }
            else if (status >= 400 && o.ContentType != "application/problem+json")
            {
                problems.Add($"{o.Attempt.Key}: {status} as {o.ContentType}, not problem details");
            }
            else if (RefusalTitles.TryGetValue(status, out var title) && TitleOf(o.Body) != title)
            {
                problems.Add($"{o.Attempt.Key}: {status} for another reason than \"{title}\": {Snippet(o.Body)}");
            }
        }

        return problems;
    }

    /// <summary>
    /// Once a key's success has been answered, every later request with that key must get the same answer again (the
    /// replay); a refusal, or another assessment, would tell the tablet that what was recorded was not.
    /// </summary>
    private IEnumerable<string> RetriesNotReplayed()
    {
        foreach (var key in Observations.GroupBy(o => o.Attempt.Key))
        {
            var success = key.Where(o => o.Result is not null).MinBy(o => o.Finished);
            if (success is null)
            {
                continue;
            }

            foreach (var retry in key.Where(o => o.Started > success.Finished && o.Status is not null and not 503))
            {
                if (retry.Status != success.Status || retry.Result?.AssessmentId != success.Result!.AssessmentId
                    || retry.Result.Badge?.AssertionId != success.Result.Badge?.AssertionId)
                {
                    yield return $"{key.Key}: answered {success.Status} with {success.Result!.AssessmentId}, a retry after that {retry.Status} {Snippet(retry.Body)}";
                }
            }
        }
    }

    private static string? TitleOf(string body)
    {
        try
        {
            return JsonDocument.Parse(body).RootElement.TryGetProperty("title", out var title) ? title.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Every successful answer must be in the database exactly as answered (same assessment, same badges), retries of
    /// a key must all name the same assessment, and nothing may be in the database that was answered with a refusal.
    /// </summary>
    public async Task<IReadOnlyList<string>> ProblemsAgainstAsync(DbConnection connection)
    {
        var problems = new List<string>();
        var stored = (await connection.QueryAsync<StoredAssessment>(
                "SELECT id AS Id, idempotency_key AS IdempotencyKey, outcome AS Outcome FROM assessments WHERE idempotency_key LIKE 'crowd-%'"))
            .ToDictionary(s => s.IdempotencyKey, StringComparer.Ordinal);
        var assertions = (await connection.QueryAsync<StoredAssertion>("SELECT id AS Id, assessment_id AS AssessmentId FROM assertions WHERE assessment_id IS NOT NULL"))
            .ToLookup(a => a.AssessmentId, a => a.Id, StringComparer.Ordinal);

        foreach (var key in Observations.Where(o => o.Result is not null).GroupBy(o => o.Attempt.Key))
        {
            var results = key.Select(o => o.Result!).ToList();
            var first = results[0];
            if (results.Any(r => r.AssessmentId != first.AssessmentId || r.Badge?.AssertionId != first.Badge?.AssertionId))
            {
                problems.Add($"{key.Key}: retries answered with different assessments or badges");
            }

            if (!stored.TryGetValue(key.Key, out var row))
            {
                problems.Add($"{key.Key}: answered {first.AssessmentId} but it is not in the database (lost)");
                continue;
            }

            var answeredBadges = new[] { first.Badge }.Concat(first.Milestones).OfType<IssuedBadge>().Select(b => b.AssertionId).Order(StringComparer.Ordinal);
            if (row.Id != first.AssessmentId || row.Outcome != first.Outcome
                || !answeredBadges.SequenceEqual(assertions[row.Id].Order(StringComparer.Ordinal)))
            {
                problems.Add($"{key.Key}: the database holds {row.Id} ({row.Outcome}, {assertions[row.Id].Count()} badges), the answer said {first.AssessmentId} ({first.Outcome})");
            }
        }

        var succeeded = Observations.Where(o => o.Result is not null).Select(o => o.Attempt.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, row) in stored)
        {
            if (!succeeded.Contains(key) && Answered.TryGetValue(key, out var final))
            {
                problems.Add($"{key}: answered {final.Status} but assessment {row.Id} was stored");
            }
        }

        return problems;
    }

    private static string Snippet(string body) => body.Length > 300 ? body[..300] : body;

    private sealed record StoredAssessment
    {
        public required string Id { get; init; }

        public required string IdempotencyKey { get; init; }

        public required string Outcome { get; init; }
    }

    private sealed record StoredAssertion
    {
        public required string Id { get; init; }

        public required string AssessmentId { get; init; }
    }
}
