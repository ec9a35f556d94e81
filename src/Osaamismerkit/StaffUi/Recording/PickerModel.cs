namespace Osaamismerkit.StaffUi.Recording;

public sealed record PickerModel(
    string ClientId,
    string ClientName,
    string? Track,
    int? Area,
    int? Level,
    string? Query,
    IReadOnlyList<(int Number, string Name)> Areas,
    IReadOnlyList<PickerBadge> Badges)
{
    public bool Filtered => Track is not null || Area is not null || Level is not null || !string.IsNullOrWhiteSpace(Query);
}
