using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Osaamismerkit.Bench;

/// <summary>
/// The limit the public endpoints are measured against: a constant answer from the same server. Registered only by
/// the bench host, never by the product. It sets the endpoint before the service's own pipeline runs, so the request
/// still passes every middleware the public endpoints pass (security headers, localisation, static files, CORS,
/// authentication, authorization, rate limiter) — routing sees an endpoint already chosen and skips matching.
/// </summary>
internal sealed class BareEndpoint : IStartupFilter
{
    public const string Path = "/bench/bare";

    private static readonly Endpoint Constant = new(
        context =>
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            return context.Response.WriteAsync("ok");
        },
        new EndpointMetadataCollection(new AllowAnonymousAttribute()),
        "Bench bare endpoint");

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Path == Path)
            {
                context.SetEndpoint(Constant);
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}
