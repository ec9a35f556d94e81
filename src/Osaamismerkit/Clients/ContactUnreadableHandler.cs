using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;
using Osaamismerkit.Resources;

namespace Osaamismerkit.Clients;

/// <summary>
/// Encrypted client data that this instance's key ring cannot decrypt (a database restored without its keys, an instance
/// without the key-ring certificate): whatever was asked — issuing to the client's e-mail, a claim code, an export — is
/// answered 503 in plain words and logged for the operator, not a 500. The transaction has rolled back: nothing half-done.
/// </summary>
public sealed partial class ContactUnreadableHandler(
    IProblemDetailsService problems, IStringLocalizer<Messages> text, KeyRing keyRing, ILogger<ContactUnreadableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not ContactUnreadableException)
        {
            return false;
        }

        LogUnreadable(logger, httpContext.Request.Path, keyRing.Location);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        var problem = new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = text["ContactUnreadableTitle"],
                Detail = text["ContactUnreadableDetail"],
            },
        };
        if (!await problems.TryWriteAsync(problem))
        {
            await TypedResults.Problem(problem.ProblemDetails).ExecuteAsync(httpContext);
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Path}: client data cannot be decrypted with the key ring in {KeyRing}; restore the key ring (or certificate) that belongs to this database")]
    private static partial void LogUnreadable(ILogger logger, string path, string keyRing);
}
