using Microsoft.AspNetCore.Antiforgery;
using Osaamismerkit.Clients;
using Osaamismerkit.StaffUi.Drafts;
using Osaamismerkit.StaffUi.Forms;

namespace Osaamismerkit.StaffUi.Clients;

/// <summary>Finding a client by name and adding a new one.</summary>
public static class ClientPageEndpoints
{
    public static RouteGroupBuilder MapClientPages(this RouteGroupBuilder staff)
    {
        staff.MapGet("/clients", List).WithName("StaffClients");
        staff.MapGet("/clients/new", New).WithName("StaffNewClient");
        staff.MapPost("/clients/new", Create).WithName("StaffCreateClient").WithMetadata(new KeepsDraft());
        return staff;
    }

    private static async Task<IResult> List(string? q, HttpContext context, StaffClients clients, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        var page = StaffPage.For(context, antiforgery);
        var hasUnits = (await clients.UnitsOfAsync(context.User, cancellationToken)).Count > 0;
        var found = await clients.SearchAsync(context.User, q, cancellationToken);
        return StaffResults.Page<ClientsPage>(new { Page = page, Query = q?.Trim(), Clients = found, HasUnits = hasUnits });
    }

    private static async Task<IResult> New(
        HttpContext context, StaffClients clients, StaffFormState forms, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        var opened = await forms.OpenAsync(context, cancellationToken);
        var model = new NewClientModel(
            await clients.UnitsOfAsync(context.User, cancellationToken),
            await clients.MunicipalitiesAsync(cancellationToken),
            opened.Values,
            opened.Ticket,
            new Dictionary<string, string[]>(),
            Restored: opened.Restored);
        return StaffResults.Page<NewClientPage>(new { Page = StaffPage.For(context, antiforgery), Model = model });
    }

    private static async Task<IResult> Create(
        HttpContext context, StaffClients clients, StaffFormState forms, FormReceipts receipts, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        var posted = await StaffForms.ReadAsync(context, antiforgery, cancellationToken);
        var values = posted is null ? FormValues.Empty : FormValues.From(posted.Fields);
        var units = await clients.UnitsOfAsync(context.User, cancellationToken);
        var municipalities = await clients.MunicipalitiesAsync(cancellationToken);
        NewClientModel Again(IReadOnlyDictionary<string, string[]> errors, bool expired = false) =>
            new(units, municipalities, values, forms.Reissue(context, values), errors, Expired: expired);

        if (posted is not { Trusted: true } || forms.TicketOf(context, values) is not { } ticket)
        {
            return StaffResults.Page<NewClientPage>(
                new { Page = StaffPage.For(context, antiforgery), Model = Again(new Dictionary<string, string[]>(), expired: true) },
                StatusCodes.Status400BadRequest);
        }

        if (await receipts.FindAsync(ticket, cancellationToken) is { } already)
        {
            return StaffResults.SeeOther(context, StaffPaths.Client(already));
        }

        var request = new ClientRequest(
            values["displayName"], OrNull(values["email"]), OrNull(values["phone"]), OrNull(values["preferredLanguage"]),
            OrNull(values["unitId"]), OrNull(values["municipalityCode"]));
        var write = await clients.CreateAsync(context.User, request, cancellationToken);
        if (write.Saved is not { Id: var clientId })
        {
            return StaffResults.Page<NewClientPage>(
                new { Page = StaffPage.For(context, antiforgery), Model = Again(write.Errors.AsReadOnly()) },
                StatusCodes.Status400BadRequest);
        }

        await receipts.SaveAsync(ticket, clientId, cancellationToken);
        await forms.ForgetDraftAsync(values, cancellationToken);
        return StaffResults.SeeOther(context, StaffPaths.Client(clientId) + "?added=1");
    }

    private static string? OrNull(string value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
