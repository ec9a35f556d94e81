using System.Text.Json.Serialization;

namespace Osaamismerkit.Catalogue;

[JsonConverter(typeof(JsonStringEnumConverter<BadgeKind>))]
public enum BadgeKind
{
    [JsonStringEnumMemberName("skill")]
    Skill,

    [JsonStringEnumMemberName("milestone")]
    Milestone,
}
