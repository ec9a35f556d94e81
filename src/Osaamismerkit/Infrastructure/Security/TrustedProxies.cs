using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Osaamismerkit.Infrastructure.Security;

/// <summary>
/// Forwarded headers from the configured proxies only (<see cref="ProxyOptions"/>). Rate limits count per client
/// address: if any peer could name its address in X-Forwarded-For, each guess could take a fresh bucket.
/// </summary>
public static class TrustedProxies
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProxyOptions>().Bind(configuration.GetSection(ProxyOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        // PostConfigure, so that it also overrides what ASPNETCORE_FORWARDEDHEADERS_ENABLED sets up: trust in everyone.
        services.AddOptions<ForwardedHeadersOptions>().PostConfigure<IOptions<ProxyOptions>>((forwarded, proxies) => Configure(forwarded, proxies.Value));
        return services;
    }

    /// <summary>First in the pipeline, so that HTTPS redirection, the cookie and the rate limiter see the client's request.</summary>
    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app) => app.UseForwardedHeaders();

    private static void Configure(ForwardedHeadersOptions forwarded, ProxyOptions proxies)
    {
        // Empty lists mean "trust every peer" to the middleware: with nothing configured it reads no header at all.
        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        if (!proxies.Any)
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.None;
            return;
        }

        // Not X-Forwarded-Host: absolute URLs come from Public:BaseUrl, never from a header.
        forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        foreach (var proxy in proxies.KnownProxies)
        {
            forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in proxies.KnownNetworks)
        {
            forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
    }
}
