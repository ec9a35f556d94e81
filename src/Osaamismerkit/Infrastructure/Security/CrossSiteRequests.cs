using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Osaamismerkit.Infrastructure.Http;
using Osaamismerkit.Resources;
using Osaamismerkit.Staff;

namespace Osaamismerkit.Infrastructure.Security;

/// <summary>
/// The staff cookie rides along on any request the browser makes, also one another page starts: SameSite=Lax keeps it
/// off cross-site posts but not off a sibling subdomain's (same site, other origin). The staff forms carry antiforgery
/// tokens; the API's unsafe calls with the cookie must show they come from this origin. Bearer calls carry no cookie
/// and are left alone; anonymous endpoints take no one's session.
/// </summary>
public static class CrossSiteRequests
{
    public static IApplicationBuilder UseSameOriginForCookieApiCalls(this IApplicationBuilder app)
    {
        var publicOrigin = app.ApplicationServices.GetRequiredService<IOptions<PublicOptions>>().Value.BaseUrl is { Length: > 0 } baseUrl
            ? new Uri(baseUrl).Authority
            : null;
        return app.Use(async (context, next) =>
        {
            if (IsCookieApiWrite(context) && !IsSameOrigin(context.Request, publicOrigin))
            {
                var text = context.RequestServices.GetRequiredService<IStringLocalizer<Messages>>();
                await TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: text["CrossSiteRequestRefused"]).ExecuteAsync(context);
                return;
            }

            await next(context);
        });
    }

    private static bool IsCookieApiWrite(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api")
        && !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method))
        && context.User.Identity?.IsAuthenticated == true
        && !StaffServices.CarriesBearerToken(context.Request)
        && context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is null;

    /// <summary>
    /// Sec-Fetch-Site when the browser sends it, and the Origin header, which browsers send on every cross-origin and
    /// same-origin POST, PUT and DELETE. A request with neither is not from a current browser page: scripts use tokens.
    /// </summary>
    private static bool IsSameOrigin(HttpRequest request, string? publicOrigin)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0 && fetchSite != "same-origin")
        {
            return false;
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return fetchSite == "same-origin";
        }

        return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && (string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
                || string.Equals(uri.Authority, publicOrigin, StringComparison.OrdinalIgnoreCase));
    }
}
