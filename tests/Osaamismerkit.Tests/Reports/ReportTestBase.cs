using System.Text.Json;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Staff;
using Osaamismerkit.Tests.Issuing;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Reports;

/// <summary>
/// A small region with hand-counted levels in area 1, inside one unit so that each report can be filtered to it:
/// Joensuu 12 clients (latest area 1: one at 0, six at 2, five at 3), Juuka 8 clients (two at 1, six at 2), and one
/// Lieksa client mapped only before the period. Seven Joensuu clients were mapped twice: five went 1 → 2, one 4 → 2,
/// one 1 → 3. Every other area is at level 2 throughout. Published counts are these rounded up to multiples of five
/// (see <see cref="PredictableRounding"/>).
/// </summary>
public abstract class ReportTestBase(DatabaseProvider? provider = null) : IssuingTestBase(provider)
{
    protected static readonly DateOnly Earlier = new(2026, 3, 2);
    protected static readonly DateOnly Later = new(2026, 9, 14);
    protected const string Period = "from=2026-01-01&to=2026-11-23";

    protected HttpClient Staff { get; private set; } = null!;

    protected List<string> Joensuu { get; } = [];

    protected List<string> Juuka { get; } = [];

    [SetUp]
    public async Task SeedRegion()
    {
        Staff = App.CreateClient().As("project-1", Roles.ProjectStaff);
        Joensuu.Clear();
        Juuka.Clear();
        int[] joensuu = [0, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3];
        int?[] joensuuEarlier = [null, 1, 1, 1, 1, 1, 4, 1, null, null, null, null];
        for (var i = 0; i < joensuu.Length; i++)
        {
            var client = (await Scenario.ClientAsync(Instructor, Unit, name: $"Asiakas J{i}")).Id;
            Joensuu.Add(client);
            if (joensuuEarlier[i] is { } before)
            {
                await Baselines.AddAsync(App, client, Unit, "167", Earlier, before);
            }

            await Baselines.AddAsync(App, client, Unit, "167", Later, joensuu[i], phase: joensuuEarlier[i] is null ? "intake" : "closing");
        }

        foreach (var level in new[] { 1, 1, 2, 2, 2, 2, 2, 2 })
        {
            var client = (await Scenario.ClientAsync(Instructor, Unit, name: "Asiakas K")).Id;
            Juuka.Add(client);
            await Baselines.AddAsync(App, client, Unit, "141", Later, level);
        }

        var lieksa = (await Scenario.ClientAsync(Instructor, Unit, name: "Asiakas L")).Id;
        await Baselines.AddAsync(App, lieksa, Unit, "422", new DateOnly(2025, 6, 1), 4);
    }

    /// <summary>
    /// Whether every client's record key is zero, so that every count not a multiple of five rounds up to the next one:
    /// hand-counted figures can then be checked as rounded by hand. Tests of the rounding itself keep the random keys.
    /// </summary>
    protected virtual bool PredictableRounding => true;

    [SetUp]
    public async Task ZeroRecordKeys()
    {
        if (!PredictableRounding)
        {
            return;
        }

        var database = App.Service<Database>();
        await using var connection = await database.OpenAsync();
        await Dapper.SqlMapper.ExecuteAsync(connection, StopRandomRecordKeys(database.Dialect));
        await Dapper.SqlMapper.ExecuteAsync(connection, "UPDATE clients SET report_key = 0");
    }

    /// <summary>
    /// Makes every client inserted later get record key zero. The two providers draw the key differently: SQLite in a
    /// trigger that fills a missing key (dropped here: a report counts a missing key as zero), SQL Server in the column's
    /// default (replaced here by zero, the column being NOT NULL).
    /// </summary>
    public static string StopRandomRecordKeys(SqlDialect dialect) => dialect.Provider == DatabaseProvider.SqlServer
        ? "ALTER TABLE clients DROP CONSTRAINT df_clients_report_key; ALTER TABLE clients ADD CONSTRAINT df_clients_report_key DEFAULT 0 FOR report_key;"
        : "DROP TRIGGER clients_report_key";

    [TearDown]
    public void DisposeStaff() => Staff.Dispose();

    protected Task<JsonElement> ReportAsync(string kind, string query) =>
        Scenario.JsonAsync(Staff, $"/api/reports/{kind}?{Period}&unit={Unit}&{query}");

    protected static JsonElement Table(JsonElement report, string key) =>
        report.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("key").GetString() == key);

    /// <summary>A row as published: each cell's count, "&lt;5" or "x", then the row total.</summary>
    protected static string[] Cells(JsonElement row) =>
        [.. row.GetProperty("cells").EnumerateArray().Select(Cell), Cell(row.GetProperty("total"))];

    protected static string[] Row(JsonElement table, string label) =>
        Cells(table.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("label").GetString() == label));

    protected static string[] Totals(JsonElement table) => Cells(table.GetProperty("totals"));

    private static string Cell(JsonElement cell) =>
        cell.GetProperty("suppressed").GetBoolean() ? (cell.GetProperty("small").GetBoolean() ? "<5" : "x") : cell.GetProperty("count").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
}
