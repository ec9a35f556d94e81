using Osaamismerkit.Credentials.Keys;
using Osaamismerkit.Credentials.LinkedData;
using Osaamismerkit.Credentials.Status;

namespace Osaamismerkit.Credentials;

public static class CredentialServices
{
    /// <summary>Open Badges 3.0: credentials built from issued assertions, the issuer's DID document and the revocation status list.</summary>
    public static IServiceCollection AddCredentials(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CredentialKeyOptions>().Bind(configuration.GetSection(CredentialKeyOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CredentialKeyStore>();
        services.AddLinkedData();
        services.AddScoped<CredentialUrls>();
        services.AddScoped<OpenBadgeCredentials>();
        services.AddScoped<DidDocuments>();
        services.AddScoped<CredentialDocuments>();
        services.AddScoped<StatusListCredentials>();
        services.AddSingleton<StatusLists>();
        return services;
    }
}
