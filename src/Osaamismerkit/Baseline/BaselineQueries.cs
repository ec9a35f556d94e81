using System.Data.Common;
using Dapper;

namespace Osaamismerkit.Baseline;

/// <summary>
/// The home of the baselines table (the reports read it in their own SQL). One row per mapping, the five areas as
/// columns; each row also carries the dates of its neighbours (<see cref="BaselineChain"/>).
/// </summary>
public static class BaselineQueries
{
    private const string Columns = """
        id, client_id, assessed_on, phase, unit_id,
        delivery_mode,
        area1_level AS Level1, area2_level AS Level2, area3_level AS Level3, area4_level AS Level4, area5_level AS Level5,
        area1_self AS Self1, area2_self AS Self2, area3_self AS Self3, area4_self AS Self4, area5_self AS Self5,
        created_at
        """;

    private const string Insert = """
        INSERT INTO baselines (id, client_id, assessed_on, phase, unit_id, municipality_code, delivery_mode,
                               area1_level, area2_level, area3_level, area4_level, area5_level,
                               area1_self, area2_self, area3_self, area4_self, area5_self,
                               instructor_subject, created_at)
        VALUES (@Id, @ClientId, @AssessedOn, @Phase, @UnitId, @MunicipalityCode, @DeliveryMode,
                @Level1, @Level2, @Level3, @Level4, @Level5,
                @Self1, @Self2, @Self3, @Self4, @Self5,
                @InstructorSubject, @CreatedAt)
        """;

    private const string OfClient = $"""
        SELECT {Columns}
        FROM baselines
        WHERE client_id = @ClientId
        ORDER BY assessed_on, created_at, id
        """;

    private const string Export = """
        SELECT id, assessed_on, phase, unit_id, municipality_code, delivery_mode,
               area1_level, area2_level, area3_level, area4_level, area5_level,
               area1_self, area2_self, area3_self, area4_self, area5_self, created_at
        FROM baselines
        WHERE client_id = @ClientId
        ORDER BY assessed_on, created_at, id
        """;

    private const string LinksOfClient = """
        SELECT id, assessed_on, phase, previous_on, next_on,
               next_in_phase_on, next_in_year_on, next_in_quarter_on
        FROM baselines
        WHERE client_id = @ClientId
        ORDER BY assessed_on, created_at, id
        """;

    private const string UpdateLinks = """
        UPDATE baselines
        SET previous_on = @PreviousOn, next_on = @NextOn, next_in_phase_on = @NextInPhaseOn,
            next_in_year_on = @NextInYearOn, next_in_quarter_on = @NextInQuarterOn
        WHERE client_id = @ClientId AND id = @Id
        """;

    /// <summary>A new mapping, its links still empty: <see cref="BaselineChain.RelinkAsync"/> fills them in the same transaction.</summary>
    internal static Task InsertAsync(
        DbTransaction transaction, BaselineRow row, string municipalityCode, string? instructorSubject, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(Insert, new
        {
            row.Id,
            row.ClientId,
            row.AssessedOn,
            row.Phase,
            row.UnitId,
            MunicipalityCode = municipalityCode,
            row.DeliveryMode,
            row.Level1,
            row.Level2,
            row.Level3,
            row.Level4,
            row.Level5,
            row.Self1,
            row.Self2,
            row.Self3,
            row.Self4,
            row.Self5,
            InstructorSubject = instructorSubject,
            row.CreatedAt,
        }, transaction, cancellationToken: cancellationToken));

    /// <summary>The client's mappings in the order assessed_on, created_at, id.</summary>
    internal static async Task<IReadOnlyList<BaselineRow>> OfClientAsync(DbConnection connection, string clientId, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<BaselineRow>(new CommandDefinition(OfClient, new { ClientId = clientId }, cancellationToken: cancellationToken))).ToList();

    /// <summary>The links of the client's mappings as stored, in the same order as <see cref="OfClientAsync"/>.</summary>
    public static async Task<IReadOnlyList<BaselineChain.Link>> LinksOfClientAsync(DbTransaction transaction, string clientId, CancellationToken cancellationToken) =>
        (await transaction.Connection!.QueryAsync<BaselineChain.Link>(
            new CommandDefinition(LinksOfClient, new { ClientId = clientId }, transaction, cancellationToken: cancellationToken))).ToList();

    public static Task UpdateLinksAsync(DbTransaction transaction, string clientId, BaselineChain.Link link, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(UpdateLinks, new
        {
            ClientId = clientId,
            link.Id,
            link.PreviousOn,
            link.NextOn,
            link.NextInPhaseOn,
            link.NextInYearOn,
            link.NextInQuarterOn,
        }, transaction, cancellationToken: cancellationToken));

    /// <summary>The client's mappings for a data export, the client's own view included; one dictionary per row.</summary>
    public static async Task<IReadOnlyList<IDictionary<string, object?>>> ExportOfClientAsync(
        DbTransaction transaction, string clientId, CancellationToken cancellationToken) =>
        Infrastructure.Database.ExportRows.Of(await transaction.Connection!.QueryAsync(
            new CommandDefinition(Export, new { ClientId = clientId }, transaction, cancellationToken: cancellationToken)));
}
