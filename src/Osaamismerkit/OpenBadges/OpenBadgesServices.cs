namespace Osaamismerkit.OpenBadges;

public static class OpenBadgesServices
{
    /// <summary>The issuer profile, the Open Badges 2.0 documents and their URLs, and the CORS policy that lets other origins read them.</summary>
    public static IServiceCollection AddOpenBadges(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IssuerOptions>().Bind(configuration.GetSection(IssuerOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddPublicCors();
        services.AddScoped<ObUrls>();
        services.AddScoped<ObDocuments>();
        return services;
    }
}
