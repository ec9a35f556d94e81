using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Osaamismerkit.Credentials.LinkedData;

public static class LinkedDataServices
{
    /// <summary>
    /// JSON-LD canonicalisation and the eddsa-rdfc-2022 cryptosuite. Both are stateless apart from the cache
    /// of processed bundled contexts, so one instance serves every request.
    /// </summary>
    public static IServiceCollection AddLinkedData(this IServiceCollection services)
    {
        services.TryAddSingleton<JsonLdCanonicalizer>();
        services.TryAddSingleton<EddsaRdfc2022>();
        return services;
    }
}
