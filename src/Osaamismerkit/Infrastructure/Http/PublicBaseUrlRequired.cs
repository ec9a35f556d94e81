using Microsoft.Extensions.Options;

namespace Osaamismerkit.Infrastructure.Http;

/// <summary>
/// Outside Development the public origin is configured: without it, the URLs signed into badges would take their host
/// from whatever Host header the request that issued them sent.
/// </summary>
public sealed class PublicBaseUrlRequired(IHostEnvironment environment) : IValidateOptions<PublicOptions>
{
    public ValidateOptionsResult Validate(string? name, PublicOptions options) =>
        string.IsNullOrWhiteSpace(options.BaseUrl) && !environment.IsDevelopment() && !environment.IsEnvironment("Testing")
            ? ValidateOptionsResult.Fail(
                "Public:BaseUrl must be set outside Development (the public origin, e.g. https://osaamismerkit.siunsote.fi): " +
                "links signed into badges must not take their host from a request's Host header.")
            : ValidateOptionsResult.Success;
}
