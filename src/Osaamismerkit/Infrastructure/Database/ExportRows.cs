namespace Osaamismerkit.Infrastructure.Database;

/// <summary>
/// Rows for a client's data export, column by column as stored: the export shows the person what the database holds,
/// so the column names are the table's own, not a view model's.
/// </summary>
public static class ExportRows
{
    public static IReadOnlyList<IDictionary<string, object?>> Of(IEnumerable<dynamic> rows) =>
        rows.Select(r => (IDictionary<string, object?>)new Dictionary<string, object?>((IDictionary<string, object?>)r)).ToList();
}
