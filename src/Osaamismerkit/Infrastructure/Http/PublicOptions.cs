using System.ComponentModel.DataAnnotations;

namespace Osaamismerkit.Infrastructure.Http;

public sealed class PublicOptions : IValidatableObject
{
    public const string Section = "Public";

    /// <summary>The public origin, e.g. https://osaamismerkit.siunsote.fi. Empty: use each request's origin.</summary>
    [AbsoluteHttpUrl(ErrorMessage = "Public:BaseUrl must be empty or an absolute http(s) URL such as https://osaamismerkit.siunsote.fi.")]
    public string? BaseUrl { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // Paths are appended to it: a query or fragment would end up in the middle of every published URL.
        if (AbsoluteHttpUrlAttribute.IsHttpUrl(BaseUrl ?? string.Empty) && new Uri(BaseUrl!) is { Query.Length: > 0 } or { Fragment.Length: > 0 })
        {
            yield return new ValidationResult("Public:BaseUrl must not have a query or a fragment: paths are appended to it.", [nameof(BaseUrl)]);
        }
    }
}
