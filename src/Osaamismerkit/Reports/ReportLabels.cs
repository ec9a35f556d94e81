using Microsoft.Extensions.Localization;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Resources;
using Osaamismerkit.Staff;

namespace Osaamismerkit.Reports;

/// <summary>Names for row keys: municipalities and units from the database, phases from the texts, badges from the catalogue.</summary>
public sealed class ReportLabels(Database database, Catalogue.BadgeCatalogue catalogue, IStringLocalizer<ReportTexts> texts)
{
    public async Task<Func<string, string>> ForAsync(string dimension, string language, CancellationToken cancellationToken)
    {
        switch (dimension)
        {
            case "municipality":
                var municipalities = await MunicipalityNamesAsync(language, cancellationToken);
                return key => municipalities.GetValueOrDefault(key, key);
            case "unit":
                var units = await UnitNamesAsync(cancellationToken);
                return key => units.GetValueOrDefault(key, key);
            case "phase":
                return key => texts["Phase_" + key];
            case "badge":
                return key => catalogue.Find(key)?.Name.In(language) ?? key;
            case "none":
                return _ => texts["GroupAll"];
            default:
                return key => key;
        }
    }

    private async Task<Dictionary<string, string>> MunicipalityNamesAsync(string language, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var municipalities = await MunicipalityQueries.AllAsync(connection, cancellationToken);
        return municipalities.ToDictionary(m => m.Code, m => m.NameIn(language), StringComparer.Ordinal);
    }

    /// <summary>A unit has one name, whatever the language.</summary>
    private async Task<Dictionary<string, string>> UnitNamesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var units = await UnitQueries.AllAsync(connection, cancellationToken);
        return units.ToDictionary(u => u.Id, u => u.Name, StringComparer.Ordinal);
    }
}
