namespace Osaamismerkit.Oid4vci;

public static class Oid4vciServices
{
    /// <summary>OpenID4VCI: offers made from the client's wallet page, and what a holder's wallet calls to collect the credential.</summary>
    public static IServiceCollection AddOid4vci(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CredentialOfferOptions>().Bind(configuration.GetSection(CredentialOfferOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<CredentialOffers>();
        return services;
    }
}
