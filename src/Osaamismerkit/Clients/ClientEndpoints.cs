using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Infrastructure.Http;
using Osaamismerkit.Staff;

namespace Osaamismerkit.Clients;

public static class ClientEndpoints
{
    public static IEndpointRouteBuilder MapClients(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/clients").WithTags("Clients").RequireAuthorization(Policies.Instructor);
        api.MapPost("/", Create).WithName("CreateClient");
        api.MapGet("/", List).WithName("ListClients");
        api.MapGet("/{id}", Get).WithName("GetClient");
        api.MapPut("/{id}", Change).WithName("ChangeClient");
        return app;
    }

    private static async Task<Results<Created<ClientView>, ValidationProblem>> Create(
        ClientRequest request, ClaimsPrincipal user, [AsParameters] ClientEndpointServices services, CancellationToken cancellationToken)
    {
        var write = await services.Writer.CreateAsync(request, user, cancellationToken);
        return write.Saved is { } row
            ? TypedResults.Created($"/api/clients/{row.Id}", ToView(row, services.Protector))
            : Problems.Validation(services.Text, write.Errors);
    }

    private static async Task<Results<Ok<ClientView>, ValidationProblem, ProblemHttpResult>> Change(
        string id, ClientRequest request, ClaimsPrincipal user, [AsParameters] ClientEndpointServices services, CancellationToken cancellationToken)
    {
        if (await services.Access.FindAsync(id, user, cancellationToken) is not { } existing)
        {
            return Problems.NotFound(services.Text, services.Text["ClientNotFound"]);
        }

        var write = await services.Writer.ChangeAsync(existing, request, user, cancellationToken);
        return write.Saved is { } row
            ? TypedResults.Ok(ToView(row, services.Protector))
            : Problems.Validation(services.Text, write.Errors);
    }

    /// <summary>Clients of one's units; q is part of a name, or a whole e-mail address or phone number (found by its keyed hash).</summary>
    private static async Task<Ok<IReadOnlyList<ClientSummary>>> List(
        ClaimsPrincipal user, Database database, StaffUnits units, ContactLookupKey lookupKey, CancellationToken cancellationToken, string? unitId = null, string? q = null)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        IEnumerable<ClientRow> rows;
        var contact = ContactSearch.Of(q, lookupKey);
        if (contact is not null)
        {
            var mine = user.IsAdmin() ? null : await units.OfAsync(user, cancellationToken);
            rows = (await ClientQueries.ByContactAsync(connection, contact, cancellationToken)).Where(r => mine is null || mine.Contains(r.UnitId));
        }
        else if (user.IsAdmin())
        {
            rows = await ClientQueries.AllAsync(connection, cancellationToken);
        }
        else
        {
            rows = await ClientQueries.OfUnitsAsync(connection, (await units.OfAsync(user, cancellationToken)).ToList(), cancellationToken);
        }

        // Name search in memory: a unit has tens of clients, and SQLite's LIKE folds case only for ASCII (not ä, ö, å).
        IReadOnlyList<ClientSummary> result = rows
            .Where(r => unitId is null || r.UnitId == unitId)
            .Where(r => contact is not null || string.IsNullOrWhiteSpace(q) || r.DisplayName.Contains(q.Trim(), StringComparison.CurrentCultureIgnoreCase))
            .Select(r => new ClientSummary(r.Id, r.DisplayName, r.UnitId, r.PreferredLanguage))
            .ToList();
        return TypedResults.Ok(result);
    }

    private static async Task<Results<Ok<ClientView>, ProblemHttpResult>> Get(
        string id, ClaimsPrincipal user, [AsParameters] ClientEndpointServices services, CancellationToken cancellationToken)
    {
        var row = await services.Access.FindAsync(id, user, cancellationToken);
        return row is null ? Problems.NotFound(services.Text, services.Text["ClientNotFound"]) : TypedResults.Ok(ToView(row, services.Protector));
    }

    private static ClientView ToView(ClientRow row, ContactProtector protector) => ClientView.Of(row, protector);
}
