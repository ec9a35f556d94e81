using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Osaamismerkit.Infrastructure.Localization;

/// <summary>Finnish first, Swedish and English alongside.</summary>
public static class Languages
{
    public const string Default = "fi";

    public static readonly IReadOnlyList<string> Supported = ["fi", "sv", "en"];

    public static bool IsSupported(string? language) => language is not null && Supported.Contains(language);

    /// <summary>The language of this request, from ?lang=, the language cookie or Accept-Language.</summary>
    public static string Of(HttpContext context) =>
        context.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture.TwoLetterISOLanguageName is { } l && IsSupported(l)
            ? l
            : Default;

    public static IServiceCollection AddLanguages(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = Supported.Select(CultureInfo.GetCultureInfo).ToList();
            options.DefaultRequestCulture = new RequestCulture(Default);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = "lang", UIQueryStringKey = "lang" },
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }
}
