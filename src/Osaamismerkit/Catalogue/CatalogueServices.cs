using Microsoft.Extensions.Options;

namespace Osaamismerkit.Catalogue;

public static class CatalogueServices
{
    public static IServiceCollection AddCatalogue(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CatalogueOptions>().Bind(configuration.GetSection(CatalogueOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<CatalogueOptions>>().Value;
            return CatalogueLoader.Load(
                Path.GetFullPath(options.DefinitionsPath, AppContext.BaseDirectory),
                Path.GetFullPath(options.SchemaPath, AppContext.BaseDirectory));
        });
        services.AddSingleton<CatalogueSeeder>();
        services.AddSingleton<BadgeImages>();
        services.AddSingleton<BadgeVersions>();
        return services;
    }
}
