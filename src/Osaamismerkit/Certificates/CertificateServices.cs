using Osaamismerkit.Certificates.Layout;

namespace Osaamismerkit.Certificates;

public static class CertificateServices
{
    /// <summary>
    /// The renderers, the embedded fonts they share, the document-signing certificate and the documents they are asked
    /// for; needs a registered <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddCertificates(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DocumentSigningOptions>().Bind(configuration.GetSection(DocumentSigningOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DocumentSigningCertificate>();
        services.AddSingleton<CertificateFonts>();
        services.AddSingleton<BadgeCertificateRenderer>();
        services.AddSingleton<CombinedCertificateRenderer>();
        services.AddSingleton<BatchCertificateRenderer>();
        services.AddScoped<CertificateDocuments>();
        return services;
    }
}
