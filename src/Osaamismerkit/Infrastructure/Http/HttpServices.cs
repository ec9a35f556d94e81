using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Osaamismerkit.Resources;
using Osaamismerkit.Staff;

namespace Osaamismerkit.Infrastructure.Http;

public static class HttpServices
{
    public static IServiceCollection AddHttpPlumbing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpContextAccessor();
        services.AddOptions<PublicOptions>().Bind(configuration.GetSection(PublicOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<PublicOptions>, PublicBaseUrlRequired>();
        services.AddSingleton<PublicUrls>();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            // Unhandled errors get a plain, localised title and never a stack trace. Other 5xx (503 for a busy database,
            // sign-in not configured) were written on purpose and keep their own words.
            if (context.ProblemDetails.Status == StatusCodes.Status500InternalServerError)
            {
                var text = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<Messages>>();
                context.ProblemDetails.Title = text["ServerErrorTitle"];
                context.ProblemDetails.Detail = null;
            }

            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<BadRequestHandler>();
        services.AddExceptionHandler<DatabaseUnavailableHandler>();
        services.AddOptions<RequestLimitsOptions>().Bind(configuration.GetSection(RequestLimitsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>()
            .Configure<IOptions<RequestLimitsOptions>>((kestrel, limits) => kestrel.Limits.MaxRequestBodySize = limits.Value.MaxRequestBodyBytes);
        services.AddOpenApi();
        return services;
    }

    public static WebApplication UseHttpPlumbing(this WebApplication app)
    {
        // Localisation first, so that the exception handler and status code pages answer in the caller's language too.
        app.UseRequestLocalization();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        // The one document by its own path: the default "/openapi/{documentName}.json" answers any other name with a
        // text/plain 404 that repeats the name, rather than problem details.
        var openApi = app.MapOpenApi("/openapi/v1.json");
        // It maps every staff endpoint and its parameters: anonymous only on a developer's machine.
        if (app.ServiceProvider.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            openApi.AllowAnonymous();
        }
        else
        {
            openApi.RequireAuthorization(Policies.Staff);
        }

        return app;
    }
}
