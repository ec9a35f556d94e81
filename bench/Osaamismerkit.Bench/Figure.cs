namespace Osaamismerkit.Bench;

/// <summary>
/// One line of the summary: a measured value and, when it has one, the limit measured in the same run that it is
/// compared with. A target is either a share of the limit or an absolute rate.
/// </summary>
internal sealed record Figure(
    string Name, double Value, string Unit, string Latency = "", double? Limit = null, string? LimitName = null, double? TargetShare = null, double? TargetValue = null)
{
    public double? Ratio => Limit is > 0 ? Value / Limit : null;

    public bool? Met => TargetShare is { } share ? Ratio >= share : TargetValue is { } value ? Value >= value : null;
}
