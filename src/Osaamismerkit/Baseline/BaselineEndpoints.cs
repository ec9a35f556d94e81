using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Osaamismerkit.Infrastructure.Http;
using Osaamismerkit.Infrastructure.Localization;
using Osaamismerkit.Resources;
using Osaamismerkit.Staff;

namespace Osaamismerkit.Baseline;

public static class BaselineEndpoints
{
    public static IEndpointRouteBuilder MapBaseline(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/clients/{clientId}/baselines").WithTags("Baseline").RequireAuthorization(Policies.Instructor);
        api.MapPost("/", Record).WithName("RecordBaseline");
        api.MapGet("/", History).WithName("BaselineHistory");
        api.MapGet("/{baselineId}", One).WithName("GetBaseline");
        return app;
    }

    /// <summary>All five competence areas in one call; the client's self-assessment beside each is optional.</summary>
    private static async Task<Results<Created<BaselineView>, ValidationProblem, ProblemHttpResult>> Record(
        string clientId, BaselineRequest request, ClaimsPrincipal user, BaselineRecorder recorder, IStringLocalizer<Messages> messages,
        CancellationToken cancellationToken)
    {
        var recording = await recorder.RecordAsync(clientId, request, user, cancellationToken);
        if (recording.IsClientNotFound)
        {
            return Problems.NotFound(messages, messages["ClientNotFound"]);
        }

        return recording.Saved is { } saved
            ? TypedResults.Created($"/api/clients/{clientId}/baselines/{saved.Id}", saved)
            : Problems.Validation(messages, recording.Errors);
    }

    private static async Task<Results<Ok<BaselineHistory>, ProblemHttpResult>> History(
        string clientId, HttpContext context, BaselineRecorder service, IStringLocalizer<Messages> messages, CancellationToken cancellationToken)
    {
        var history = await service.HistoryAsync(clientId, context.User, Languages.Of(context), cancellationToken);
        return history is null ? Problems.NotFound(messages, messages["ClientNotFound"]) : TypedResults.Ok(history);
    }

    private static async Task<Results<Ok<BaselineView>, ProblemHttpResult>> One(
        string clientId, string baselineId, HttpContext context, BaselineRecorder service, IStringLocalizer<Messages> messages,
        IStringLocalizer<ReportTexts> texts, CancellationToken cancellationToken)
    {
        var history = await service.HistoryAsync(clientId, context.User, Languages.Of(context), cancellationToken);
        if (history is null)
        {
            return Problems.NotFound(messages, messages["ClientNotFound"]);
        }

        var baseline = history.Baselines.FirstOrDefault(b => b.Id == baselineId);
        return baseline is null ? Problems.NotFound(messages, texts["BaselineNotFound"]) : TypedResults.Ok(baseline);
    }
}
