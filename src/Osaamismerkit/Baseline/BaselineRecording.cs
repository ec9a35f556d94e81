namespace Osaamismerkit.Baseline;

/// <summary>
/// What became of a request to record a baseline: saved, refused field by field, or refused because the client is not
/// one the user may act for. The API and the staff page each turn it into their own answer.
/// </summary>
public sealed record BaselineRecording
{
    public static readonly BaselineRecording ClientNotFound = new() { IsClientNotFound = true };

    private BaselineRecording()
    {
    }

    public BaselineView? Saved { get; private init; }

    /// <summary>Messages keyed by the request's field names (areas[i].level and so on); empty unless refused.</summary>
    public IDictionary<string, string[]> Errors { get; private init; } = new Dictionary<string, string[]>(StringComparer.Ordinal);

    public bool IsClientNotFound { get; private init; }

    public static BaselineRecording Recorded(BaselineView saved) => new() { Saved = saved };

    public static BaselineRecording Invalid(IDictionary<string, string[]> errors) => new() { Errors = errors };
}
