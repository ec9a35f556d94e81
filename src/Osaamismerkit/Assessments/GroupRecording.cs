namespace Osaamismerkit.Assessments;

/// <summary>What recording a group came to: the group itself is invalid (nothing was recorded), or each client's result.</summary>
public abstract record GroupRecording
{
    private GroupRecording()
    {
    }

    public sealed record Recorded(GroupResult Group) : GroupRecording;

    public sealed record Invalid(IDictionary<string, string[]> Errors) : GroupRecording;
}
