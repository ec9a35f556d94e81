using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Osaamismerkit.Clients;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Infrastructure.Http;
using Osaamismerkit.Resources;
using Osaamismerkit.Staff;

namespace Osaamismerkit.ClientMessages;

public static class MessageEndpoints
{
    public static IEndpointRouteBuilder MapClientMessages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/admin/messages", Outbox).WithTags("Admin").WithName("ListOutboxMessages").RequireAuthorization(Policies.Admin)
            .WithDescription("The outbox of messages to clients: queued, sending, sent, failed (with the reason) or cancelled. No addresses or links.");
        var clients = app.MapGroup("/api/clients/{id}/messages").WithTags("Clients").RequireAuthorization(Policies.Instructor);
        clients.MapGet("/", OfClient).WithName("GetClientMessages");
        clients.MapPut("/", SetRefusal).WithName("SetClientMessageRefusal")
            .WithDescription("{ \"refused\": true } when the client does not want messages; false to allow them again.");
        return app;
    }

    private static async Task<Results<Ok<OutboxView>, ValidationProblem>> Outbox(
        string? status, int? limit, Database database, IOptions<MessageOptions> options, IStringLocalizer<Messages> text, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (status is not null && !MessageStatuses.All.Contains(status))
        {
            errors.Add("status", text["MessageStatusUnknown", string.Join(", ", MessageStatuses.All)]);
        }

        if (limit is < 1 or > 1000)
        {
            errors.Add("limit", text["MessageLimitRange"]);
        }

        if (errors.Any)
        {
            return Problems.Validation(text, errors.ToDictionary());
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var counts = await OutboxQueries.CountsAsync(connection, cancellationToken);
        var messages = await OutboxQueries.ListAsync(connection, database.Dialect, status, limit ?? 200, cancellationToken);
        return TypedResults.Ok(new OutboxView(options.Value.SendingConfigured, counts, messages.Select(OutboxQueries.EntryOf).ToList()));
    }

    private static async Task<Results<Ok<ClientMessagesView>, ProblemHttpResult>> OfClient(
        string id, ClaimsPrincipal user, ClientAccess clients, MessageRefusals refusals, IStringLocalizer<Messages> text, CancellationToken cancellationToken)
    {
        if (await clients.FindAsync(id, user, cancellationToken) is null)
        {
            return Problems.NotFound(text, text["ClientNotFound"]);
        }

        return TypedResults.Ok(await refusals.ViewAsync(id, cancellationToken));
    }

    private static async Task<Results<Ok<ClientMessagesView>, ValidationProblem, ProblemHttpResult>> SetRefusal(
        string id, MessageRefusalRequest request, ClaimsPrincipal user, ClientAccess clients, MessageRefusals refusals, IStringLocalizer<Messages> text,
        CancellationToken cancellationToken)
    {
        if (await clients.FindAsync(id, user, cancellationToken) is null)
        {
            return Problems.NotFound(text, text["ClientNotFound"]);
        }

        if (request.Refused is not { } refused)
        {
            return Problems.Validation(text, new Dictionary<string, string[]> { ["refused"] = [text["MessageRefusalRequired"]] });
        }

        await refusals.SetAsync(id, refused, user.ToActor(), cancellationToken);
        return TypedResults.Ok(await refusals.ViewAsync(id, cancellationToken));
    }
}
