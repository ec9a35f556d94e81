namespace Osaamismerkit.Assessments;

/// <summary>
/// One demonstration session for a group: the badge, date, unit and delivery mode are shared; so is the statement, as
/// the text each client's result starts from. Each member has their own criteria and may have their own statement.
/// </summary>
public sealed record GroupRequest(
    string? BadgeId,
    string? BadgeVersion,
    string? DemonstratedOn,
    string? UnitId,
    string? DeliveryMode,
    string? Statement,
    IReadOnlyList<GroupMember>? Clients);
