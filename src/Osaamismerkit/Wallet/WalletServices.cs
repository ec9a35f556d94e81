namespace Osaamismerkit.Wallet;

public static class WalletServices
{
    public static IServiceCollection AddWallet(this IServiceCollection services)
    {
        services.AddScoped<WalletLinks>();
        services.AddScoped<WalletBadges>();
        services.AddScoped<NameSharing>();
        return services;
    }

    public static IEndpointRouteBuilder MapWallet(this IEndpointRouteBuilder app)
    {
        app.MapWalletLinks();
        app.MapWalletPages();
        return app;
    }
}
