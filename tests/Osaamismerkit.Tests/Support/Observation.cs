using System.Diagnostics;
using Osaamismerkit.Assessments;

namespace Osaamismerkit.Tests.Support;

/// <summary>
/// One request of an attempt and what came back: a status and body, or no answer at all (Status null). Started and
/// Finished are <see cref="Stopwatch"/> timestamps, so that a retry sent after an answer came can be told from one sent
/// at the same time.
/// </summary>
public sealed record Observation(IssuingAttempt Attempt, int? Status, AssessmentResult? Result, string? ContentType, string Body, long Started, long Finished)
{
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(Started, Finished);
}
