namespace Osaamismerkit.Infrastructure.Signing;

public static class SigningServices
{
    /// <summary>The RS256 key that signs every assertion: a configured PEM in production, generated keys in development.</summary>
    public static IServiceCollection AddSigning(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SigningOptions>().Bind(configuration.GetSection(SigningOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SigningKeyStore>();
        return services;
    }
}
