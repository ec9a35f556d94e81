using System.Data.Common;
using Dapper;
using Osaamismerkit.StaffUi.Clients;

namespace Osaamismerkit.Staff;

/// <summary>The home of the municipalities table (Statistics Finland codes and names, filled by the migrations).</summary>
public static class MunicipalityQueries
{
    private const string All = "SELECT code, name_fi, name_sv FROM municipalities ORDER BY name_fi";

    private const string Exists = "SELECT COUNT(*) FROM municipalities WHERE code = @Code";

    public static async Task<IReadOnlyList<Municipality>> AllAsync(DbConnection connection, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<Municipality>(new CommandDefinition(All, cancellationToken: cancellationToken))).ToList();

    public static async Task<bool> ExistsAsync(DbConnection connection, string? code, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<long>(new CommandDefinition(Exists, new { Code = code }, cancellationToken: cancellationToken)) > 0;
}
