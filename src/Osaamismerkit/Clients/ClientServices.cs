using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Logging.Abstractions;

namespace Osaamismerkit.Clients;

public static class ClientServices
{
    public static IServiceCollection AddClients(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("Osaamismerkit");
        // The key ring lives in the data folder beside the database it protects.
        services.AddOptions<KeyManagementOptions>().Configure<Infrastructure.Database.Database>((options, database) =>
            options.XmlRepository = new FileSystemXmlRepository(
                new DirectoryInfo(Path.Combine(database.DataFolder, "data-protection-keys")), NullLoggerFactory.Instance));
        services.AddSingleton<ContactProtector>();
        services.AddScoped<ClientAccess>();
        return services;
    }
}
