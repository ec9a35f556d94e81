namespace Osaamismerkit.Baseline;

/// <summary>The points of the service at which a client's digital skills are mapped.</summary>
public static class BaselinePhases
{
    public const string Intake = "intake";
    public const string Start = "start";
    public const string WorkCoaching = "work-coaching";
    public const string Closing = "closing";

    public static readonly IReadOnlyList<string> All = [Intake, Start, WorkCoaching, Closing];
}
