namespace Osaamismerkit.Assessments;

/// <summary>lähi / etä / hybridi.</summary>
public static class DeliveryModes
{
    public const string OnSite = "onsite";
    public const string Remote = "remote";
    public const string Hybrid = "hybrid";

    public static readonly IReadOnlyList<string> All = [OnSite, Remote, Hybrid];
}
