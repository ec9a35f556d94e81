using Osaamismerkit.Reports;

namespace Osaamismerkit.StaffUi.Reports;

/// <summary>
/// The unit filter's option texts. Unit names are not unique (two municipalities may each run a "Digipaja 2"), and a
/// list of look-alike options cannot be chosen from: a repeated name gets its municipality, and a name repeated within
/// one municipality its id as well.
/// </summary>
public static class UnitLabels
{
    public static IReadOnlyDictionary<string, string> For(
        IReadOnlyList<UnitChoice> units, IReadOnlyList<MunicipalityChoice> municipalities, string language)
    {
        var names = municipalities.ToDictionary(m => m.Code, m => language == "sv" ? m.NameSv : m.NameFi, StringComparer.Ordinal);
        var byName = units.GroupBy(u => u.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);
        return units.ToDictionary(u => u.Id, u =>
        {
            var namesakes = byName[u.Name];
            if (namesakes.Count == 1)
            {
                return u.Name;
            }

            var municipality = names.GetValueOrDefault(u.MunicipalityCode, u.MunicipalityCode);
            return namesakes.Count(n => n.MunicipalityCode == u.MunicipalityCode) == 1 ? $"{u.Name} ({municipality})" : $"{u.Name} ({municipality}, {u.Id})";
        }, StringComparer.Ordinal);
    }
}
