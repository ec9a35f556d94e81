using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Localization;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Resources;

namespace Osaamismerkit.Infrastructure.Http;

/// <summary>
/// A database that is busy, locked, read-only, full or unreachable is a temporary condition for the user: 503 with
/// Retry-After and a plain message, not a 500. The transaction that failed has rolled back, so nothing is half-written.
/// </summary>
public sealed partial class DatabaseUnavailableHandler(
    IProblemDetailsService problems, IStringLocalizer<Messages> text, ILogger<DatabaseUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var code = exception switch
        {
            SqliteException e when SqliteFailures.IsUnavailable(e) => $"sqlite:{e.SqliteExtendedErrorCode} ({SqliteFailures.Reason(e)})",
            SqlException e when SqlServerFaults.IsTransient(e) => $"sqlserver:{e.Number}",
            Database.DatabaseBusyException => "write-turn",
            _ => null,
        };
        if (code is null)
        {
            return false;
        }

        LogUnavailable(logger, code, exception.Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "5";
        var problem = new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = text["DatabaseUnavailableTitle"],
                Detail = text["DatabaseUnavailableDetail"],
            },
        };
        if (!await problems.TryWriteAsync(problem))
        {
            // A caller that accepts no JSON at all still gets the 503 and its words, not the generic 500 behind us.
            await TypedResults.Problem(problem.ProblemDetails).ExecuteAsync(httpContext);
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable ({Code}): {Message}")]
    private static partial void LogUnavailable(ILogger logger, string code, string message);
}
