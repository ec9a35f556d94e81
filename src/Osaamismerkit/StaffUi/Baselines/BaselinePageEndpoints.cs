using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Antiforgery;
using Osaamismerkit.Baseline;
using Osaamismerkit.Clients;
using Osaamismerkit.StaffUi.Clients;
using Osaamismerkit.StaffUi.Drafts;
using Osaamismerkit.StaffUi.Forms;

namespace Osaamismerkit.StaffUi.Baselines;

/// <summary>The baseline mapping on one screen: the five DigComp areas, phase, delivery mode, date and unit.</summary>
public static partial class BaselinePageEndpoints
{
    public static RouteGroupBuilder MapBaselinePages(this RouteGroupBuilder staff)
    {
        staff.MapGet("/clients/{clientId}/baseline", Form).WithName("StaffBaselineForm");
        staff.MapPost("/clients/{clientId}/baseline", Save).WithName("StaffBaselineSave").WithMetadata(new KeepsDraft());
        return staff;
    }

    private static async Task<IResult> Form(
        string clientId, HttpContext context, ClientAccess access, StaffClients clients, Catalogue.BadgeCatalogue catalogue, StaffFormState forms,
        TimeProvider clock, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        var page = StaffPage.For(context, antiforgery);
        if (await access.FindAsync(clientId, context.User, cancellationToken) is not { } client)
        {
            return StaffResults.NotFound(page);
        }

        var opened = await forms.OpenAsync(context, cancellationToken);
        var model = await ModelAsync(client, page, clients, catalogue, clock, context, opened.Values, opened.Ticket, new Dictionary<string, string[]>(), cancellationToken)
            with { Restored = opened.Restored };
        return StaffResults.Page<BaselinePage>(new { Page = page, Model = model });
    }

    private static async Task<IResult> Save(
        string clientId, HttpContext context, ClientAccess access, StaffClients clients, Catalogue.BadgeCatalogue catalogue, StaffFormState forms,
        FormReceipts receipts, BaselineRecorder baselines, TimeProvider clock, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(clientId, context.User, cancellationToken) is not { } client)
        {
            return StaffResults.NotFound(StaffPage.For(context, antiforgery));
        }

        var posted = await StaffForms.ReadAsync(context, antiforgery, cancellationToken);
        var values = posted is null ? FormValues.Empty : FormValues.From(posted.Fields);
        async Task<IResult> Again(IReadOnlyDictionary<string, string[]> errors, bool expired = false)
        {
            var page = StaffPage.For(context, antiforgery);
            var model = await ModelAsync(client, page, clients, catalogue, clock, context, values, forms.Reissue(context, values), errors, cancellationToken)
                with { Expired = expired };
            return StaffResults.Page<BaselinePage>(new { Page = page, Model = model }, StatusCodes.Status400BadRequest);
        }

        if (posted is not { Trusted: true } || forms.TicketOf(context, values) is not { } ticket)
        {
            return await Again(new Dictionary<string, string[]>(), expired: true);
        }

        if (await receipts.FindAsync(ticket, cancellationToken) is not null)
        {
            return StaffResults.SeeOther(context, StaffPaths.Client(clientId) + "?baseline=1");
        }

        var request = new BaselineRequest(
            values["assessedOn"], values["unitId"], values["phase"], values["deliveryMode"],
            BaselineAreas.Numbers.Select(n => new AreaLevelInput(n, Level(values["area" + n]), Level(values["self" + n]))).ToList<AreaLevelInput?>());
        var recording = await baselines.RecordAsync(clientId, request, context.User, cancellationToken);
        if (recording.IsClientNotFound)
        {
            return StaffResults.NotFound(StaffPage.For(context, antiforgery));
        }

        if (recording.Saved is not { } saved)
        {
            return await Again(ToFormFields(recording.Errors));
        }

        await receipts.SaveAsync(ticket, saved.Id, cancellationToken);
        await forms.ForgetDraftAsync(values, cancellationToken);
        return StaffResults.SeeOther(context, StaffPaths.Client(clientId) + "?baseline=1");
    }

    private static async Task<BaselineModel> ModelAsync(
        ClientRow client, StaffPage page, StaffClients clients, Catalogue.BadgeCatalogue catalogue, TimeProvider clock, HttpContext context,
        FormValues values, string ticket, IReadOnlyDictionary<string, string[]> errors, CancellationToken cancellationToken) =>
        new(
            client.Id,
            client.DisplayName,
            client.UnitId,
            await clients.UnitsOfAsync(context.User, cancellationToken),
            catalogue.DigComp.Areas.Select(a => (a.Number, a.Name.In(page.Text.Language))).ToList(),
            PublicPages.HelsinkiTime.Today(clock.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            values,
            ticket,
            errors);

    /// <summary>An empty choice is "not given"; anything else that is not a number is sent on for the service to reject.</summary>
    private static int? Level(string value) =>
        string.IsNullOrWhiteSpace(value) ? null : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var level) ? level : -1;

    /// <summary>The service speaks of areas[i].level; the form's fields are area1–area5 and self1–self5.</summary>
    private static Dictionary<string, string[]> ToFormFields(IDictionary<string, string[]> errors) =>
        errors.GroupBy(e => AreaField().Match(e.Key) is { Success: true } m
                ? (m.Groups["what"].Value == "selfAssessment" ? "self" : "area") + (int.Parse(m.Groups["i"].Value, CultureInfo.InvariantCulture) + 1)
                : e.Key)
            .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).ToArray(), StringComparer.Ordinal);

    [GeneratedRegex(@"^areas\[(?<i>\d)\]\.(?<what>level|area|selfAssessment)$")]
    private static partial Regex AreaField();
}
