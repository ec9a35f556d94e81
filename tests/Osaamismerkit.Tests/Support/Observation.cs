using Osaamismerkit.Assessments;

namespace Osaamismerkit.Tests.Support;

/// <summary>One request of an attempt and what came back: a status and body, or no answer at all (Status null).</summary>
public sealed record Observation(IssuingAttempt Attempt, int? Status, AssessmentResult? Result, string? ContentType, string Body, TimeSpan Elapsed);
