using Osaamismerkit.Wallet;

namespace Osaamismerkit.Verification;

/// <summary>Public badge pages, baked downloads, QR codes, machine verification and the client's wallet.</summary>
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
        services.AddWallet();
        return services;
    }

    public static IEndpointRouteBuilder MapPublicPages(this IEndpointRouteBuilder app)
    {
        app.MapPublicBadges();
        app.MapVerifyApi();
        app.MapWallet();
        return app;
    }
}
