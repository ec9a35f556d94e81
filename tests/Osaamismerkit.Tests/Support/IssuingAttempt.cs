using Osaamismerkit.Assessments;

namespace Osaamismerkit.Tests.Support;

/// <summary>One assessment an instructor means to record once, under one Idempotency-Key, however often it is sent.</summary>
public sealed record IssuingAttempt(string Subject, string Key, AssessmentRequest Request);
