using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Localization;
using Osaamismerkit.Infrastructure.Localization;
using Osaamismerkit.Staff;
using Osaamismerkit.StaffUi.Baselines;
using Osaamismerkit.StaffUi.Clients;
using Osaamismerkit.StaffUi.Drafts;
using Osaamismerkit.StaffUi.Forms;
using Osaamismerkit.StaffUi.Group;
using Osaamismerkit.StaffUi.Overview;
using Osaamismerkit.StaffUi.Recording;
using Osaamismerkit.StaffUi.Reports;
using Osaamismerkit.StaffUi.Revoking;

namespace Osaamismerkit.StaffUi;

/// <summary>The staff web UI: server-rendered pages under /staff on top of the same services as the API.</summary>
public static class StaffUiServices
{
    public static IServiceCollection AddStaffUi(this IServiceCollection services)
    {
        services.AddRazorComponents();
        services.AddAntiforgery();
        services.AddDistributedMemoryCache();
        services.AddSingleton<FormTickets>();
        services.AddSingleton<DraftStore>();
        services.AddSingleton<FormReceipts>();
        services.AddSingleton<StaffFormState>();
        services.AddScoped<StaffClients>();
        services.AddScoped<ClientOverviews>();
        services.AddScoped<AssessmentOutcomes>();
        services.AddScoped<StaffBaselines>();
        KeepDraftsOnChallenge(services);
        return services;
    }

    public static IEndpointRouteBuilder MapStaffUi(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup(StaffPaths.Home).WithTags("Staff UI").ExcludeFromDescription().WithMetadata(new StaffPageMarker()).AddEndpointFilter(StaffPageHeaders);
        var instructor = staff.MapGroup(string.Empty).RequireAuthorization(Policies.Instructor);
        instructor.MapGet("/", Home).WithName("StaffHome").WithMetadata(new StaffHomeMarker());
        instructor.MapClientPages();
        instructor.MapClientOverview();
        instructor.MapRecordPages();
        instructor.MapGroupPages();
        instructor.MapRevokePages();
        instructor.MapBaselinePages();
        staff.MapGroup(string.Empty).RequireAuthorization(Policies.ProjectStaff).MapReportPages();
        return app;
    }

    /// <summary>Instructors start from their clients; project staff are sent to the reports when this is forbidden to them.</summary>
    private static RedirectHttpResult Home() => TypedResults.Redirect(StaffPaths.Clients);

    /// <summary>
    /// Staff pages show client data: never cached. A language chosen with ?lang= is remembered in the standard culture
    /// cookie, so the next page speaks it too.
    /// </summary>
    private static async ValueTask<object?> StaffPageHeaders(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        var chosen = context.Request.Query["lang"].ToString();
        if (Languages.IsSupported(chosen))
        {
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions
                {
                    Path = "/",
                    HttpOnly = true,
                    Secure = context.Request.IsHttps,
                    SameSite = SameSiteMode.Lax,
                    MaxAge = TimeSpan.FromDays(365),
                    IsEssential = true,
                });
        }

        return await next(invocation);
    }

    /// <summary>Wraps whichever authorization result handler is registered so far (the framework's by default).</summary>
    private static void KeepDraftsOnChallenge(IServiceCollection services)
    {
        var previous = services.LastOrDefault(d => d.ServiceType == typeof(IAuthorizationMiddlewareResultHandler));
        services.AddSingleton<IAuthorizationMiddlewareResultHandler>(provider => new StaffAuthorizationResultHandler(
            Resolve(previous, provider),
            provider.GetRequiredService<DraftStore>(),
            provider.GetRequiredService<FormTickets>(),
            provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>>()));
    }

    private static IAuthorizationMiddlewareResultHandler Resolve(ServiceDescriptor? descriptor, IServiceProvider provider) => descriptor switch
    {
        null => new AuthorizationMiddlewareResultHandler(),
        { ImplementationInstance: IAuthorizationMiddlewareResultHandler instance } => instance,
        { ImplementationFactory: { } factory } => (IAuthorizationMiddlewareResultHandler)factory(provider),
        { ImplementationType: { } type } => (IAuthorizationMiddlewareResultHandler)ActivatorUtilities.CreateInstance(provider, type),
        _ => new AuthorizationMiddlewareResultHandler(),
    };
}
