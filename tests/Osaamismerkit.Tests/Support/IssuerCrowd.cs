using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Osaamismerkit.Assessments;
using Osaamismerkit.Catalogue;
using Osaamismerkit.Staff;

namespace Osaamismerkit.Tests.Support;

/// <summary>
/// Many instructors recording assessments at once over real HTTP, each with an Idempotency-Key, and misbehaving the
/// way networks and people do: a request given up half-way and sent again, the same request sent twice at once, a
/// retry after the answer came. Every answer is kept, so the database can be checked against them afterwards.
/// </summary>
public sealed class IssuerCrowd(HttpClient http, string unitId, IReadOnlyList<string> clientIds, IReadOnlyList<BadgeDefinition> badges, int instructors = 10)
{
    /// <summary>503 answers are retried with the same key this many times before the key counts as unanswered.</summary>
    private const int UnavailableRetries = 20;

    private readonly ConcurrentDictionary<string, string> _tokens = new(StringComparer.Ordinal);

    public static IReadOnlyList<string> InstructorSubjects(int count) => Enumerable.Range(0, count).Select(i => $"crowd-instructor-{i}").ToList();

    /// <summary>Runs until <paramref name="duration"/> has passed or <paramref name="stop"/> fires; keys in flight then stay unanswered.</summary>
    public async Task RunAsync(CrowdRun run, int issuers, TimeSpan duration, int seed, CancellationToken stop = default)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(stop);
        timer.CancelAfter(duration);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, issuers).Select(i => Task.Run(() => IssuerAsync(i, new Random(seed + i), run, timer.Token, stop))));
        run.Elapsed = clock.Elapsed;
    }

    /// <summary>One request, answered or not; never throws for transport failures.</summary>
    public async Task<Observation> SendAsync(IssuingAttempt attempt, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/assessments") { Content = JsonContent.Create(attempt.Request) };
        message.Headers.Add("Idempotency-Key", attempt.Key);
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _tokens.GetOrAdd(attempt.Subject, s => TestTokens.Create(s, [Roles.Instructor])));
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(message, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            AssessmentResult? result = null;
            if (response.IsSuccessStatusCode)
            {
                result = System.Text.Json.JsonSerializer.Deserialize<AssessmentResult>(body, System.Text.Json.JsonSerializerOptions.Web);
            }

            return new Observation(attempt, (int)response.StatusCode, result, response.Content.Headers.ContentType?.MediaType, body, started, Stopwatch.GetTimestamp());
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
        {
            return new Observation(attempt, null, null, null, e.GetType().Name + ": " + e.Message, started, Stopwatch.GetTimestamp());
        }
    }

    private async Task IssuerAsync(int issuer, Random random, CrowdRun run, CancellationToken timeUp, CancellationToken stop)
    {
        var subjects = InstructorSubjects(instructors);
        for (var n = 0; !timeUp.IsCancellationRequested; n++)
        {
            var attempt = new IssuingAttempt(subjects[issuer % subjects.Count], $"crowd-{issuer}-{n}", NextRequest(random));
            run.Attempts.Add(attempt);
            var mode = random.Next(100);
            if (mode < 15)
            {
                // The tablet gave up waiting: the first request is cut off at a random moment, maybe after the commit.
                using var impatient = CancellationTokenSource.CreateLinkedTokenSource(stop);
                impatient.CancelAfter(TimeSpan.FromMilliseconds(random.Next(1, 40)));
                Record(run, await SendAsync(attempt, impatient.Token), cutOff: !stop.IsCancellationRequested);
            }
            else if (mode < 35)
            {
                // A double tap: the same request twice at once.
                var both = await Task.WhenAll(SendAsync(attempt, stop), SendAsync(attempt, stop));
                Record(run, both[0]);
                Record(run, both[1]);
            }
            else if (mode < 50)
            {
                // The answer was lost on the way back: sent again after it came.
                Record(run, await SendAsync(attempt, stop));
            }

            // Every key ends with a real answer (retrying 503 with the same key), unless the run is stopped.
            for (var tries = 0; tries <= UnavailableRetries && !stop.IsCancellationRequested; tries++)
            {
                var observation = await SendAsync(attempt, stop);
                Record(run, observation);
                if (observation.Status is { } status && status != (int)HttpStatusCode.ServiceUnavailable)
                {
                    run.Answered[attempt.Key] = observation;
                    break;
                }

                if (observation.Status is null)
                {
                    // The server is gone (killed, or the run stopped): this issuer stops with its key unanswered.
                    return;
                }
            }
        }
    }

    private static void Record(CrowdRun run, Observation observation, bool cutOff = false)
    {
        if (cutOff && observation.Status is null)
        {
            run.CutOff.Add(observation);
            return;
        }

        run.Observations.Add(observation);
    }

    private AssessmentRequest NextRequest(Random random)
    {
        var badge = badges[random.Next(badges.Count)];
        var pass = random.Next(100) < 70;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var criteria = badge.Criteria
            .Select(c => new CriterionResult(c.Id, pass || c != badge.Criteria.First(x => x.Required)))
            .ToList();
        return new AssessmentRequest(
            clientIds[random.Next(clientIds.Count)], badge.Id, badge.Version, today.AddDays(-random.Next(0, 5)).ToString("yyyy-MM-dd"),
            unitId, DeliveryModes.All[random.Next(DeliveryModes.All.Count)], criteria, $"Näyttö {random.Next(1000)}: teki tehtävän itse.");
    }
}
