namespace Osaamismerkit.Verification;

/// <summary>Machine verification of a presented badge (JWS, JSON, baked image), with the CORS policy its API answers under.</summary>
public static class VerificationServices
{
    public static IServiceCollection AddVerification(this IServiceCollection services)
    {
        services.AddVerifyCors();
        services.AddSingleton<VerificationKeys>();
        services.AddScoped<AssertionVerifier>();
        services.AddScoped<CertificatePdfVerifier>();
        services.AddScoped<CredentialVerifier>();
        services.AddScoped<PresentedBadgeVerifier>();
        services.AddScoped<VerificationViews>();
        return services;
    }
}
