using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Osaamismerkit.Staff;

namespace Osaamismerkit.Assessments;

public static class AssessmentEndpoints
{
    public static IEndpointRouteBuilder MapAssessments(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/assessments").WithTags("Assessments").RequireAuthorization(Policies.Instructor);
        api.MapPost("/", Record).WithName("RecordAssessment");
        return app;
    }

    /// <summary>Send an Idempotency-Key header so that a retry after a lost answer never issues twice.</summary>
    private static Task<Results<Created<AssessmentResult>, Ok<AssessmentResult>, ValidationProblem, ProblemHttpResult>> Record(
        AssessmentRequest request,
        ClaimsPrincipal user,
        AssessmentService service,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        CancellationToken cancellationToken) =>
        service.RecordAsync(request, user, string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey.Trim(), cancellationToken);
}
