using Osaamismerkit.Assessments;
using Osaamismerkit.Catalogue;

namespace Osaamismerkit.StaffUi.Group;

public sealed record GroupResultModel(BadgeDefinition Badge, GroupResult Group, IReadOnlyList<GroupResultRow> Rows);
