namespace Osaamismerkit.Reports;

public static class ReportServices
{
    public static IServiceCollection AddReports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReportOptions>().Bind(configuration.GetSection(ReportOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ReportRequests>();
        services.AddScoped<ReportLabels>();
        services.AddScoped<ReportService>();
        services.AddSingleton<ReportPdf>();
        return services;
    }
}
