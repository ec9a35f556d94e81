using Osaamismerkit.Catalogue;

namespace Osaamismerkit.StaffUi.Recording;

/// <summary>A badge in the catalogue as it stands for this client.</summary>
/// <param name="Detail">For InProgress "met/required"; for NeedsPrerequisite the missing badge's name, or null for the same skill's basic level.</param>
public sealed record PickerBadge(BadgeDefinition Badge, PickerState State, string? Detail = null);
