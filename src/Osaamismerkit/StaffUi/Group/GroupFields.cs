using Osaamismerkit.Assessments;
using Osaamismerkit.Catalogue;
using Osaamismerkit.StaffUi.Forms;

namespace Osaamismerkit.StaffUi.Group;

/// <summary>
/// The group form's field names, and the group request they make. The shared fields have the single form's names; a
/// client's own fields carry the client id after a hyphen ("criteria-{id}"), so the error summary links to them.
/// </summary>
public static class GroupFields
{
    public const string Clients = "clients";
    public const string Intent = "intent";
    public const string CopyIntent = "copy";
    public const string RecordIntent = "record";

    /// <summary>The fields every client's assessment shares; their errors are shown once, at the shared field.</summary>
    public static readonly IReadOnlySet<string> Shared = new HashSet<string>(StringComparer.Ordinal)
    {
        "badgeId", "badgeVersion", "demonstratedOn", "unitId", "deliveryMode",
    };

    public static string Criteria(string clientId) => "criteria-" + clientId;

    public static string Statement(string clientId) => "statement-" + clientId;

    public static string InternalNote(string clientId) => "internalNote-" + clientId;

    public static GroupRequest Request(BadgeDefinition badge, IReadOnlyList<GroupClient> members, FormValues values) => new(
        badge.Id,
        values["badgeVersion"] is { Length: > 0 } version ? version : badge.Version,
        values["demonstratedOn"],
        values["unitId"],
        values["deliveryMode"],
        values["statement"],
        members.Select(m => Member(badge, m.Id, values)).ToList());

    /// <summary>
    /// The shared statement and ticks copied to every client who has none of their own yet: a starting point that each
    /// client's fields are then edited from. Nothing a client already has is overwritten.
    /// </summary>
    public static FormValues CopyShared(IReadOnlyList<GroupClient> members, FormValues values)
    {
        var copied = values;
        var shared = values.Many("criteria");
        foreach (var member in members)
        {
            if (string.IsNullOrWhiteSpace(values[Statement(member.Id)]) && values["statement"] is { Length: > 0 } statement)
            {
                copied = copied.With(Statement(member.Id), statement);
            }

            if (values.Many(Criteria(member.Id)).Count == 0 && shared.Count > 0)
            {
                copied = copied.With(Criteria(member.Id), shared);
            }
        }

        return copied;
    }

    private static GroupMember Member(BadgeDefinition badge, string clientId, FormValues values)
    {
        var ticked = values.Many(Criteria(clientId)).ToHashSet(StringComparer.Ordinal);
        return new GroupMember(
            clientId,
            badge.Criteria.Select(c => new CriterionResult(c.Id, ticked.Contains(c.Id))).ToList(),
            values[Statement(clientId)],
            values[InternalNote(clientId)]);
    }
}
