namespace Osaamismerkit.Reports;

/// <summary>
/// A published count, or null when hidden: <see cref="Small"/> when it describes fewer than five clients (shown
/// "&lt;5"), otherwise hidden only so that a small one cannot be worked out from it (shown "x").
/// </summary>
public sealed record ReportCell(long? Count, bool Suppressed, bool Small = false)
{
    public static ReportCell Of(long count, bool suppressed, bool small) =>
        suppressed ? new ReportCell(null, true, small) : new ReportCell(count, false);
}
