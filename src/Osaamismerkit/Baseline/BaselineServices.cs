namespace Osaamismerkit.Baseline;

public static class BaselineServices
{
    public static IServiceCollection AddBaseline(this IServiceCollection services)
    {
        services.AddScoped<BaselineRecorder>();
        return services;
    }
}
