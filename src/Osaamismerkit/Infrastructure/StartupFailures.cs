using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Osaamismerkit.Catalogue;
using Osaamismerkit.Infrastructure.Database;

namespace Osaamismerkit.Infrastructure;

/// <summary>
/// The start-up failures an operator fixes in configuration or storage: a broken catalogue, a read-only, full or locked
/// data folder, a missing production secret, a setting outside its allowed values. Each is said in one line.
/// </summary>
public static partial class StartupFailures
{
    /// <summary>The line to log instead of a stack trace, or null for a failure that is a bug.</summary>
    public static string? Describe(Exception e) => e switch
    {
        CatalogueValidationException or StorageUnavailableException or MissingConfigurationException => e.Message,
        OptionsValidationException invalid => Settings(invalid.Failures),
        // ValidateOnStart reports every options class that failed, each as its own exception.
        AggregateException { InnerExceptions: var all } when all.All(i => i is OptionsValidationException) =>
            Settings(all.Cast<OptionsValidationException>().SelectMany(i => i.Failures)),
        _ => null,
    };

    private static string Settings(IEnumerable<string> failures) =>
        "Configuration is not valid: " + string.Join(" ", failures.Select(Plain));

    /// <summary>DataAnnotations wraps each message in the class and member names; the message itself names the key.</summary>
    private static string Plain(string failure) =>
        DataAnnotationsFailure().Match(failure) is { Success: true } match ? match.Groups["message"].Value : failure;

    [GeneratedRegex("^DataAnnotation validation failed for '[^']*' members: '[^']*' with the error: '(?<message>.*)'\\.$")]
    private static partial Regex DataAnnotationsFailure();
}
