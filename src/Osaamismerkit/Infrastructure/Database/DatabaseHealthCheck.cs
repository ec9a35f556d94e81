using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Osaamismerkit.Infrastructure.Database;

public sealed class DatabaseHealthCheck(Database database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            var scripts = await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT COUNT(*) FROM schema_journal", cancellationToken: cancellationToken));
            return scripts > 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("No migrations applied.");
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached.");
        }
    }
}
