using Osaamismerkit.Baseline;

namespace Osaamismerkit.StaffUi.Baselines;

/// <summary>The client's baseline levels for the overview, read through the baseline service.</summary>
public sealed class StaffBaselines(BaselineRecorder baselines)
{
    /// <summary>For a client the caller has already found through their units.</summary>
    public async Task<BaselineSummary?> SummaryAsync(string clientId, string language, CancellationToken cancellationToken)
    {
        var history = await baselines.HistoryOfAsync(clientId, language, cancellationToken);
        if (history.Baselines.Count == 0)
        {
            return new BaselineSummary(null, null, []);
        }

        return new BaselineSummary(
            history.Baselines[0].AssessedOn,
            history.Baselines[^1].AssessedOn,
            history.Change.Select(c => new BaselineArea(c.Area, c.Name, c.First, history.Baselines.Count > 1 ? c.Latest : null)).ToList());
    }
}
