using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Osaamismerkit.Infrastructure.Security;

/// <summary>
/// The reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed. None by default: then the peer's own
/// address is the client, whatever headers it sends (ASPNETCORE_FORWARDEDHEADERS_ENABLED does not change that).
/// </summary>
public sealed class ProxyOptions : IValidatableObject
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Addresses of the proxies in front of the service, e.g. 10.0.0.4.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks the proxies are in, in CIDR notation, e.g. 10.0.0.0/24 (App Service: the VNet's integration subnet).</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public bool Any => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
        {
            yield return new ValidationResult($"ForwardedHeaders:KnownProxies must be IP addresses such as 10.0.0.4; '{proxy}' is not one.", [nameof(KnownProxies)]);
        }

        foreach (var network in KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _)))
        {
            yield return new ValidationResult($"ForwardedHeaders:KnownNetworks must be networks in CIDR notation such as 10.0.0.0/24; '{network}' is not one.", [nameof(KnownNetworks)]);
        }
    }
}
