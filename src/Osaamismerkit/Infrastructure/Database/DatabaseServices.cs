using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Osaamismerkit.Infrastructure.Database;

public static class DatabaseServices
{
    public static IServiceCollection AddDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        DapperTypeHandlers.Register();
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<SqlServerAccessTokens>();
        services.AddSingleton<Database>();
        services.AddSingleton<GroupCommit>();
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<StorageProbe>();
        // SQLite's WAL is checkpointed here, outside requests; one instance, so the tests can wait for its rounds.
        services.AddSingleton<WalCheckpointer>();
        services.AddHostedService(provider => provider.GetRequiredService<WalCheckpointer>());
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", HealthStatus.Unhealthy, ["ready"]);
        return services;
    }
}
