namespace Osaamismerkit.StaffUi.Baselines;

/// <param name="First">0 = not yet, 1–4 DigComp levels; null when not recorded.</param>
public sealed record BaselineArea(int Area, string Name, int? First, int? Latest)
{
    public int? Change => First is { } f && Latest is { } l ? l - f : null;
}
