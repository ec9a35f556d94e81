namespace Osaamismerkit.Clients;

public static class ClientServices
{
    public static IServiceCollection AddClients(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ContactLookupOptions>().Bind(configuration.GetSection(ContactLookupOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ContactProtector>();
        services.AddExceptionHandler<ContactUnreadableHandler>();
        services.AddSingleton<ContactLookupKey>();
        services.AddSingleton<ContactHashBackfill>();
        services.AddScoped<ClientAccess>();
        services.AddScoped<ClientWriter>();
        services.AddScoped<ClientErasure>();
        return services;
    }
}
