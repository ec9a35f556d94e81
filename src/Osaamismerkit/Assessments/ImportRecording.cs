namespace Osaamismerkit.Assessments;

/// <summary>An import: the file cannot be read as a whole (errors by field, nothing recorded), or each row's result.</summary>
public abstract record ImportRecording
{
    private ImportRecording()
    {
    }

    public sealed record Done(ImportResult Result) : ImportRecording;

    public sealed record Unreadable(IDictionary<string, string[]> Errors) : ImportRecording;
}
