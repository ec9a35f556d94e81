namespace Osaamismerkit.OpenBadges;

/// <summary>Verifiers and backpacks in other origins read the public documents from the browser.</summary>
public static class PublicCors
{
    public const string Policy = "public-read";

    public static IServiceCollection AddPublicCors(this IServiceCollection services) =>
        services.AddCors(options => options.AddPolicy(Policy, p => p.AllowAnyOrigin().WithMethods("GET", "HEAD").AllowAnyHeader()));
}
