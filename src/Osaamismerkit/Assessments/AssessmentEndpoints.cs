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
        api.MapPost("/", Record).WithName("RecordAssessment").WithDescription(RecordDescription);
        api.MapPost("/import", Import).WithName("ImportAssessments").WithDescription(ImportDescription).Accepts<string>("text/csv");
        api.MapPost("/group", RecordGroup).WithName("RecordGroupAssessment").WithDescription(GroupDescription);
        return app;
    }

    // Said in the OpenAPI document, because callers write these texts and the privacy rules are theirs to keep too.
    private const string RecordDescription =
        "statement: one or two sentences on what the client demonstrated. PUBLISHED: signed into the badge as its evidence, "
        + "shown on the public badge page and printed on the certificate. E-mail addresses, phone numbers and personal identity "
        + "codes are refused (the error does not repeat the text). Names, health, disability, life situation or feelings cannot be "
        + "detected reliably and must not be written here. "
        + "internalNote (optional): for staff of the client's units only; never published, never in the badge or on the certificate; "
        + "identity codes are refused. "
        + "evidenceNote: the former name of statement, still accepted as the statement when statement is absent. "
        + "Idempotency-Key header: stored and shown in the client's data export, so an identity code in it is refused.";

    private const string GroupDescription =
        "One demonstration session for up to 30 clients: badgeId, badgeVersion, demonstratedOn, unitId, deliveryMode and statement (the "
        + "shared statement, PUBLISHED as in a single assessment) for all; clients: [{ clientId, criteria, statement (own, replaces the shared "
        + "one), internalNote }]. Each client is recorded as a single assessment, in its own transaction, and answered on its own: issued, "
        + "progress, refused (title, detail) or invalid (errors by field). Idempotency-Key header (at most 60 characters): each client's key is "
        + "the group's key, '/', and the client id, so resending the whole group after a lost answer records nothing twice.";

    private const string ImportDescription =
        "A CSV file as the body (text/csv): a heading row, then one row per client. Columns: client (asiakas, klient: the client's id), one "
        + "column per criterion id of the badge (x, 1, kyllä, ja or yes = met; empty, 0, ei, nej or no = not yet) and optionally statement "
        + "(lausunto, utlåtande: the client's own PUBLISHED statement). Separator ';' or ',', UTF-8 with or without BOM or Windows-1252 (Excel's "
        + "CSV files with Finnish settings). Query: badgeId, demonstratedOn, unitId, deliveryMode, statement (shared), dryRun (default true: "
        + "nothing is written; false records). Each row: issued, progress, refused or invalid with errors by row and column.";

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

    /// <summary>A dry run unless dryRun=false; 400 only when the file as a whole cannot be read, and then nothing was recorded.</summary>
    private static async Task<Results<Ok<ImportResult>, ValidationProblem>> Import(
        HttpRequest http,
        [AsParameters] ImportQuery query,
        ClaimsPrincipal user,
        AssessmentImport service,
        IStringLocalizer<Messages> text,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        await http.Body.CopyToAsync(body, cancellationToken);
        var parameters = new ImportParameters(query.BadgeId, query.DemonstratedOn, query.UnitId, query.DeliveryMode, query.Statement, query.DryRun ?? true);
        return await service.ImportAsync(body.ToArray(), parameters, user, string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey.Trim(), cancellationToken) switch
        {
            ImportRecording.Done { Result: var result } => TypedResults.Ok(result),
            ImportRecording.Unreadable { Errors: var errors } => Problems.Validation(text, errors),
            var other => throw new UnreachableException($"Unknown import {other.GetType()}."),
        };
    }

    /// <summary>200 with every client's own result; 400 only when the group itself is wrong, and then nothing was recorded.</summary>
    private static async Task<Results<Ok<GroupResult>, ValidationProblem>> RecordGroup(
        GroupRequest request,
        ClaimsPrincipal user,
        GroupRecorder service,
        IStringLocalizer<Messages> text,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        CancellationToken cancellationToken) =>
        await service.RecordAsync(request, user, string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey.Trim(), cancellationToken) switch
        {
            GroupRecording.Recorded { Group: var group } => TypedResults.Ok(group),
            GroupRecording.Invalid { Errors: var errors } => Problems.Validation(text, errors),
            var other => throw new UnreachableException($"Unknown recording {other.GetType()}."),
        };
}
