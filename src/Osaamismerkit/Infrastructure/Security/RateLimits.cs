using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Osaamismerkit.Resources;

namespace Osaamismerkit.Infrastructure.Security;

/// <summary>Named rate-limit policies; public endpoints opt in with <c>.RequireRateLimiting(RateLimits.Public)</c>.</summary>
public static class RateLimits
{
    public const string Public = "public";
    public const string SignIn = "sign-in";
    public const string Guessing = "guessing";

    public static IServiceCollection AddRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(Public, context => PerAddress(context, o => o.PublicPermitsPerMinute));
            limiter.AddPolicy(SignIn, context => PerAddress(context, o => o.SignInPermitsPerMinute));
            limiter.AddPolicy(Guessing, context => PerAddress(context, o => o.GuessingPermitsPerMinute));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var http = rejected.HttpContext;
                var text = http.RequestServices.GetRequiredService<IStringLocalizer<Messages>>();
                http.Response.Headers.RetryAfter = "60";
                await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: text["TooManyRequests"]).ExecuteAsync(http);
            };
        });
        return services;
    }

    private static RateLimitPartition<string> PerAddress(HttpContext context, Func<RateLimitOptions, int> permits)
    {
        var limit = permits(context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value);
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }
}
