using Dapper;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Reports;

/// <summary>Baselines written straight into the table (and linked as the service links them), so that a report test controls dates and municipalities exactly.</summary>
internal static class Baselines
{
    private const string Insert = """
        INSERT INTO baselines (id, client_id, assessed_on, phase, unit_id, municipality_code, delivery_mode,
                               area1_level, area2_level, area3_level, area4_level, area5_level, instructor_subject, created_at)
        VALUES (@Id, @ClientId, @AssessedOn, @Phase, @UnitId, @Municipality, 'onsite', @Area1, 2, 2, 2, 2, 'instructor-1', @CreatedAt)
        """;

    private const string EnsureMunicipality = """
        INSERT INTO municipalities (code, name_fi, name_sv)
        SELECT @Code, @Name, @Name WHERE NOT EXISTS (SELECT 1 FROM municipalities WHERE code = @Code)
        """;

    /// <summary>One mapping with area 1 at <paramref name="area1"/> and the other four areas at level 2.</summary>
    public static async Task AddAsync(TestApp app, string clientId, string unitId, string municipality, DateOnly on, int area1, string phase = "intake")
    {
        await using var connection = await app.Service<Database>().OpenAsync();
        await connection.ExecuteAsync(EnsureMunicipality, new { Code = "141", Name = "Juuka" });
        await connection.ExecuteAsync(EnsureMunicipality, new { Code = "422", Name = "Lieksa" });
        await using var transaction = await connection.BeginTransactionAsync();
        await Osaamismerkit.Clients.ClientQueries.LockAsync(transaction, clientId, CancellationToken.None);
        await connection.ExecuteAsync(Insert, new
        {
            Id = Guid.NewGuid().ToString(),
            ClientId = clientId,
            AssessedOn = on,
            Phase = phase,
            UnitId = unitId,
            Municipality = municipality,
            Area1 = area1,
            CreatedAt = on.ToDateTime(new TimeOnly(10, 0)),
        }, transaction);
        await Osaamismerkit.Baseline.BaselineChain.RelinkAsync(transaction, clientId, CancellationToken.None);
        await transaction.CommitAsync();
    }
}
