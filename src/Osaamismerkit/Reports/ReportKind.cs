namespace Osaamismerkit.Reports;

public enum ReportKind
{
    Levels,
    Change,
    BasicLevel,
    Badges,
    TimeToBadge,
}
