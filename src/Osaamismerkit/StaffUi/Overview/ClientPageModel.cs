using Osaamismerkit.StaffUi.Baselines;

namespace Osaamismerkit.StaffUi.Overview;

/// <param name="Notice">A text key for what just happened (a client added, a badge revoked), or null.</param>
/// <param name="Baseline">The baseline levels, or null while the baseline service is not part of this build.</param>
public sealed record ClientPageModel(ClientOverview Overview, string? Notice, BaselineSummary? Baseline);
