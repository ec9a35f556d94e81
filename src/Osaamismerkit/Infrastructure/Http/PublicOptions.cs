namespace Osaamismerkit.Infrastructure.Http;

public sealed class PublicOptions
{
    public const string Section = "Public";

    /// <summary>The public origin, e.g. https://osaamismerkit.siunsote.fi. Empty: use each request's origin.</summary>
    public string? BaseUrl { get; set; }
}
