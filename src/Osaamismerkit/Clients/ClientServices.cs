using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Logging.Abstractions;

namespace Osaamismerkit.Clients;

public static class ClientServices
{
    public static IServiceCollection AddClients(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ContactLookupOptions>().Bind(configuration.GetSection(ContactLookupOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddDataProtection().SetApplicationName("Osaamismerkit");
        // The key ring lives in the data folder beside the database it protects.
        services.AddSingleton<KeyRing>();
        services.AddOptions<KeyManagementOptions>().Configure<KeyRing>((options, keyRing) =>
            options.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(keyRing.Folder), NullLoggerFactory.Instance));
        services.AddSingleton<ContactProtector>();
        services.AddSingleton<ContactLookupKey>();
        services.AddSingleton<ContactHashBackfill>();
        services.AddScoped<ClientAccess>();
        services.AddScoped<ClientWriter>();
        services.AddScoped<ClientErasure>();
        return services;
    }
}
