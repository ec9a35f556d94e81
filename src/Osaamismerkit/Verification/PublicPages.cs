namespace Osaamismerkit.Verification;

/// <summary>Public badge pages, baked downloads, QR codes and machine verification.</summary>
public static class PublicPages
{
    public static IServiceCollection AddPublicPages(this IServiceCollection services)
    {
        services.AddRazorComponents();
        services.AddVerifyCors();
        services.AddSingleton<VerificationKeys>();
        services.AddScoped<AssertionVerifier>();
        services.AddScoped<PublicBadges>();
        services.AddScoped<BakedBadges>();
        services.AddScoped<VerificationViews>();
        return services;
    }

    public static IEndpointRouteBuilder MapPublicPages(this IEndpointRouteBuilder app)
    {
        app.MapPublicBadges();
        app.MapVerifyApi();
        return app;
    }
}
