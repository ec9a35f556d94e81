namespace Osaamismerkit.PublicPages;

/// <summary>The public badge pages a person opens from a link or a QR code, and the badge images and QR codes they download.</summary>
public static class PublicPageServices
{
    public static IServiceCollection AddPublicPages(this IServiceCollection services)
    {
        services.AddRazorComponents();
        services.AddScoped<PublicBadges>();
        services.AddScoped<BakedBadges>();
        return services;
    }
}
