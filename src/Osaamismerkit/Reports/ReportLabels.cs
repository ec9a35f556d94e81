using Dapper;
using Microsoft.Extensions.Localization;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Resources;

namespace Osaamismerkit.Reports;

/// <summary>Names for row keys: municipalities and units from the database, phases from the texts, badges from the catalogue.</summary>
public sealed class ReportLabels(Database database, Catalogue.Catalogue catalogue, IStringLocalizer<ReportTexts> texts)
{
    private const string Municipalities = "SELECT code, name_fi AS Fi, name_sv AS Sv FROM municipalities";
    private const string Units = "SELECT id AS Code, name AS Fi, name AS Sv FROM units";

    public async Task<Func<string, string>> ForAsync(string dimension, string language, CancellationToken cancellationToken)
    {
        switch (dimension)
        {
            case "municipality":
                var municipalities = await NamesAsync(Municipalities, language, cancellationToken);
                return key => municipalities.GetValueOrDefault(key, key);
            case "unit":
                var units = await NamesAsync(Units, language, cancellationToken);
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

    private async Task<Dictionary<string, string>> NamesAsync(string sql, string language, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<NameRow>(new CommandDefinition(sql, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Code, r => language == "sv" ? r.Sv : r.Fi, StringComparer.Ordinal);
    }

    private sealed record NameRow
    {
        public required string Code { get; init; }

        public required string Fi { get; init; }

        public required string Sv { get; init; }
    }
}
