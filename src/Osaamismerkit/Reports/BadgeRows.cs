namespace Osaamismerkit.Reports;

/// <summary>The rows of the badges-issued report.</summary>
public enum BadgeRows
{
    Month,
    Badge,
    Unit,
}
