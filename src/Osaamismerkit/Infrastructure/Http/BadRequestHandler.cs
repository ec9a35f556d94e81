using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;
using Osaamismerkit.Resources;

namespace Osaamismerkit.Infrastructure.Http;

/// <summary>A request the server refused while reading it (too large, cut off, malformed) is the client's 4xx, not our 500.</summary>
public sealed class BadRequestHandler(IProblemDetailsService problems, IStringLocalizer<Messages> text) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || httpContext.Response.HasStarted)
        {
            return false;
        }

        httpContext.Response.StatusCode = bad.StatusCode;
        var problem = new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? text["RequestTooLargeTitle"] : text["BadRequestTitle"],
            },
        };
        if (!await problems.TryWriteAsync(problem))
        {
            await TypedResults.Problem(problem.ProblemDetails).ExecuteAsync(httpContext);
        }

        return true;
    }
}
