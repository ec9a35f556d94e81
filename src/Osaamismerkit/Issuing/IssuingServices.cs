using Osaamismerkit.Assessments;
using Osaamismerkit.Catalogue;
using Osaamismerkit.Clients;
using Osaamismerkit.Infrastructure.Signing;
using Osaamismerkit.OpenBadges;

namespace Osaamismerkit.Issuing;

public static class IssuingServices
{
    /// <summary>Clients, assessments, signing and the Open Badges documents.</summary>
    public static IServiceCollection AddIssuing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IssuerOptions>().Bind(configuration.GetSection(IssuerOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SigningOptions>().Bind(configuration.GetSection(SigningOptions.Section)).ValidateOnStart();
        services.AddClients(configuration);
        services.AddPublicCors();
        services.AddSingleton<SigningKeyStore>();
        services.AddSingleton<BadgeVersions>();
        services.AddScoped<ObUrls>();
        services.AddScoped<ObDocuments>();
        services.AddScoped<AssertionIssuer>();
        services.AddScoped<BadgeClaims>();
        services.AddScoped<AssessmentService>();
        return services;
    }
}
