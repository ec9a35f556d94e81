using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Osaamismerkit.Infrastructure.Http;
using Osaamismerkit.Resources;
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

    /// <summary>The status a refusal is answered with, by the API and the staff page alike.</summary>
    public static int StatusOf(RecordingRefusal refusal) => refusal switch
    {
        RecordingRefusal.AlreadyHoldsBadge => StatusCodes.Status409Conflict,
        RecordingRefusal.PrerequisiteMissing or RecordingRefusal.IdempotencyKeyReused => StatusCodes.Status422UnprocessableEntity,
        _ => throw new UnreachableException($"Unknown refusal {refusal}."),
    };

    /// <summary>Send an Idempotency-Key header so that a retry after a lost answer never issues twice.</summary>
    // A replay answers 201 like the first request; Ok stays in the signature so that the published OpenAPI document is unchanged.
    private static async Task<Results<Created<AssessmentResult>, Ok<AssessmentResult>, ValidationProblem, ProblemHttpResult>> Record(
        AssessmentRequest request,
        ClaimsPrincipal user,
        AssessmentRecorder service,
        IStringLocalizer<Messages> text,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        CancellationToken cancellationToken) =>
        await service.RecordAsync(request, user, string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey.Trim(), cancellationToken) switch
        {
            AssessmentRecording.Recorded { Assessment: var result } => TypedResults.Created($"/api/assessments/{result.AssessmentId}", result),
            AssessmentRecording.Invalid { Errors: var errors } => Problems.Validation(text, errors),
            AssessmentRecording.Refused refused => TypedResults.Problem(statusCode: StatusOf(refused.Reason), title: refused.Title, detail: refused.Detail),
            var other => throw new UnreachableException($"Unknown recording {other.GetType()}."),
        };
}
