using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;
using Osaamismerkit.StaffUi.Components;

namespace Osaamismerkit.StaffUi;

public static class StaffResults
{
    public static RazorComponentResult<T> Page<T>(object parameters, int statusCode = StatusCodes.Status200OK)
        where T : IComponent => new(parameters) { StatusCode = statusCode };

    /// <summary>After a form post, 303 See Other: the browser loads the result with GET, so reloading posts nothing twice.</summary>
    public static StatusCodeHttpResult SeeOther(HttpContext context, string url)
    {
        context.Response.Headers.Location = url;
        return TypedResults.StatusCode(StatusCodes.Status303SeeOther);
    }

    /// <summary>A client or badge outside the instructor's units looks exactly like one that does not exist.</summary>
    public static RazorComponentResult<StaffNotFoundPage> NotFound(StaffPage page) =>
        Page<StaffNotFoundPage>(new { Page = page }, StatusCodes.Status404NotFound);
}
