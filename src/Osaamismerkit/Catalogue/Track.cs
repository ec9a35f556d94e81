using System.Text.Json.Serialization;

namespace Osaamismerkit.Catalogue;

[JsonConverter(typeof(JsonStringEnumConverter<Track>))]
public enum Track
{
    [JsonStringEnumMemberName("citizen")]
    Citizen,

    [JsonStringEnumMemberName("worklife")]
    WorkLife,
}
