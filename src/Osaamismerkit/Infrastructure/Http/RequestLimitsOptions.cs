namespace Osaamismerkit.Infrastructure.Http;

/// <summary>Request size limits (section "RequestLimits"): small by default, since no staff or public form needs more.</summary>
public sealed class RequestLimitsOptions
{
    public const string Section = "RequestLimits";

    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}
