using System.ComponentModel.DataAnnotations;

namespace Osaamismerkit.Infrastructure.Http;

/// <summary>Request size limits (section "RequestLimits"): small by default, since no staff or public form needs more.</summary>
public sealed class RequestLimitsOptions
{
    public const string Section = "RequestLimits";

    /// <summary>Below 1 KiB even a sign-in form is refused; above 100 MiB one request could fill the server's memory.</summary>
    [Range(typeof(long), "1024", "104857600", ErrorMessage = "RequestLimits:MaxRequestBodyBytes must be from 1024 (1 KiB) to 104857600 (100 MiB).")]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}
