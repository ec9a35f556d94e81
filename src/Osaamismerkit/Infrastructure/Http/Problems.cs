using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Osaamismerkit.Resources;

namespace Osaamismerkit.Infrastructure.Http;

/// <summary>RFC 9457 problem details with titles in the caller's language.</summary>
public static class Problems
{
    public static ValidationProblem Validation(IStringLocalizer<Messages> text, IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: text["ValidationTitle"]);

    public static ProblemHttpResult NotFound(IStringLocalizer<Messages> text, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: text["NotFoundTitle"], detail: detail);
}
