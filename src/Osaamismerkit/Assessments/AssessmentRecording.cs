namespace Osaamismerkit.Assessments;

/// <summary>
/// What recording an assessment came to. The service says what happened; the API and the staff page each turn it
/// into their own answer.
/// </summary>
public abstract record AssessmentRecording
{
    private AssessmentRecording()
    {
    }

    /// <summary>Recorded now, or recorded before under the same Idempotency-Key with the same request (a replay).</summary>
    public sealed record Recorded(AssessmentResult Assessment) : AssessmentRecording;

    /// <summary>The request has errors, keyed by field, in the caller's language.</summary>
    public sealed record Invalid(IDictionary<string, string[]> Errors) : AssessmentRecording;

    /// <summary>A valid request that cannot be recorded now; the title and detail are in the caller's language.</summary>
    public sealed record Refused(RecordingRefusal Reason, string Title, string? Detail = null) : AssessmentRecording;
}
