namespace Osaamismerkit.StaffUi.Baselines;

/// <summary>The client's levels per DigComp area at the first baseline and the latest one.</summary>
public sealed record BaselineSummary(DateOnly? FirstOn, DateOnly? LatestOn, IReadOnlyList<BaselineArea> Areas)
{
    public bool Any => FirstOn is not null;
}
