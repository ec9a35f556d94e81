using Osaamismerkit.Certificates.Layout;

namespace Osaamismerkit.Certificates;

public static class CertificateServices
{
    /// <summary>The renderers, the embedded fonts they share and the documents they are asked for; needs a registered <see cref="TimeProvider"/>.</summary>
    public static IServiceCollection AddCertificates(this IServiceCollection services)
    {
        services.AddSingleton<CertificateFonts>();
        services.AddSingleton<BadgeCertificateRenderer>();
        services.AddSingleton<CombinedCertificateRenderer>();
        services.AddSingleton<BatchCertificateRenderer>();
        services.AddScoped<CertificateDocuments>();
        return services;
    }
}
