namespace Osaamismerkit.Infrastructure.Http;

/// <summary>Absolute URLs for public documents. Configure Public:BaseUrl behind a proxy; otherwise the request's own origin.</summary>
public sealed class PublicUrls(Microsoft.Extensions.Options.IOptions<PublicOptions> options, IHttpContextAccessor accessor)
{
    public string BaseUrl
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(options.Value.BaseUrl))
            {
                return options.Value.BaseUrl.TrimEnd('/');
            }

            var request = accessor.HttpContext?.Request
                ?? throw new InvalidOperationException("Public:BaseUrl is not configured and there is no current request.");
            return $"{request.Scheme}://{request.Host}{request.PathBase}";
        }
    }

    public string Absolute(string path) => BaseUrl + (path.StartsWith('/') ? path : "/" + path);
}
