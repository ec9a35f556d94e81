using Microsoft.AspNetCore.Antiforgery;
using Osaamismerkit.Assessments;
using Osaamismerkit.Catalogue;
using Osaamismerkit.PublicPages;
using Osaamismerkit.StaffUi.Clients;
using Osaamismerkit.StaffUi.Drafts;
using Osaamismerkit.StaffUi.Forms;
using Osaamismerkit.StaffUi.Overview;
using Osaamismerkit.Verification;

namespace Osaamismerkit.StaffUi.Recording;

/// <summary>Recording a skill demonstration: pick the badge, tick the criteria, send, see what was issued or what is missing.</summary>
public static class RecordPageEndpoints
{
    public static RouteGroupBuilder MapRecordPages(this RouteGroupBuilder staff)
    {
        staff.MapGet("/clients/{clientId}/record", Picker).WithName("StaffBadgePicker");
        staff.MapGet("/clients/{clientId}/record/{badgeId}", Form).WithName("StaffRecordForm");
        staff.MapPost("/clients/{clientId}/record/{badgeId}", Submit).WithName("StaffRecordSubmit").WithMetadata(new KeepsDraft());
        staff.MapGet("/clients/{clientId}/assessments/{assessmentId}", Result).WithName("StaffAssessmentResult");
        return staff;
    }

    private static async Task<IResult> Picker(
        string clientId, string? track, string? area, string? level, string? q, HttpContext context, ClientOverviews overviews,
        Catalogue.BadgeCatalogue catalogue, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        var page = StaffPage.For(context, antiforgery);
        if (await overviews.FindAsync(clientId, context.User, cancellationToken) is not { } overview)
        {
            return StaffResults.NotFound(page);
        }

        var trackFilter = track is "citizen" or "worklife" ? track : null;
        var areaFilter = int.TryParse(area, out var a) && catalogue.DigComp.FindArea(a) is not null ? a : (int?)null;
        var levelFilter = int.TryParse(level, out var l) && l is >= 1 and <= 8 ? l : (int?)null;
        var words = TextSearch.Words(q);
        var held = overview.Valid.Select(b => b.Badge.Id).ToHashSet(StringComparer.Ordinal);
        var badges = catalogue.Badges
            .Where(b => b.Kind == BadgeKind.Skill)
            .Where(b => trackFilter is null || (b.Track == Track.Citizen) == (trackFilter == "citizen"))
            .Where(b => areaFilter is null || b.Alignment.Any(x => x.Area == areaFilter))
            .Where(b => levelFilter is null || b.Level == levelFilter)
            .Where(b => TextSearch.MatchesAll(words, b.Name.Fi, b.Name.Sv, b.Name.En, string.Join(' ', b.Tags)))
            .Select(b => State(b, held, overview, catalogue, page.Text))
            .ToList();
        var areas = catalogue.DigComp.Areas.Select(x => (x.Number, x.Name.In(page.Text.Language))).ToList();
        var model = new PickerModel(clientId, overview.Client.DisplayName, trackFilter, areaFilter, levelFilter, q?.Trim(), areas, badges);
        return StaffResults.Page<BadgePickerPage>(new { Page = page, Model = model });
    }

    private static PickerBadge State(BadgeDefinition badge, HashSet<string> held, ClientOverview overview, Catalogue.BadgeCatalogue catalogue, StaffText text)
    {
        if (held.Contains(badge.Id))
        {
            return new PickerBadge(badge, PickerState.Held);
        }

        if (badge.PrerequisiteIds.FirstOrDefault(p => !held.Contains(p)) is { } missing)
        {
            // Beside its own basic level the next level needs no long name; no detail means "the basic level first".
            var prerequisite = catalogue.Find(missing);
            var sameSkill = prerequisite is { Skill: { } skill } && skill == badge.Skill && prerequisite.Track == badge.Track;
            return new PickerBadge(badge, PickerState.NeedsPrerequisite, sameSkill ? null : prerequisite?.Name.In(text.Language) ?? missing);
        }

        return overview.Open.FirstOrDefault(o => o.Badge.Id == badge.Id) is { } open
            ? new PickerBadge(badge, PickerState.InProgress, $"{open.Met}/{open.Required}")
            : new PickerBadge(badge, PickerState.Available);
    }

    private static async Task<IResult> Form(
        string clientId, string badgeId, HttpContext context, ClientOverviews overviews, StaffClients clients, StaffFormState forms,
        Catalogue.BadgeCatalogue catalogue, TimeProvider clock, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        var page = StaffPage.For(context, antiforgery);
        if (await overviews.FindAsync(clientId, context.User, cancellationToken) is not { } overview
            || catalogue.Find(badgeId) is not { Kind: BadgeKind.Skill } badge)
        {
            return StaffResults.NotFound(page);
        }

        var opened = await forms.OpenAsync(context, cancellationToken);
        var model = await ModelAsync(overview, badge, opened.Values, opened.Ticket, context, clients, catalogue, clock, cancellationToken) with
        {
            Restored = opened.Restored,
        };
        return StaffResults.Page<RecordPage>(new { Page = page, Model = model });
    }

    private static async Task<IResult> Submit(
        string clientId, string badgeId, HttpContext context, ClientOverviews overviews, StaffClients clients, StaffFormState forms,
        AssessmentRecorder assessments, Catalogue.BadgeCatalogue catalogue, TimeProvider clock, IAntiforgery antiforgery,
        CancellationToken cancellationToken)
    {
        if (await overviews.FindAsync(clientId, context.User, cancellationToken) is not { } overview
            || catalogue.Find(badgeId) is not { Kind: BadgeKind.Skill } badge)
        {
            return StaffResults.NotFound(StaffPage.For(context, antiforgery));
        }

        var posted = await StaffForms.ReadAsync(context, antiforgery, cancellationToken);
        var values = posted is null ? FormValues.Empty : FormValues.From(posted.Fields);
        async Task<IResult> Again(int status, Func<RecordModel, RecordModel> change, string? ticket = null)
        {
            var model = await ModelAsync(overview, badge, values, ticket ?? forms.Reissue(context, values), context, clients, catalogue, clock, cancellationToken);
            return StaffResults.Page<RecordPage>(new { Page = StaffPage.For(context, antiforgery), Model = change(model) }, status);
        }

        if (posted is not { Trusted: true } || forms.TicketOf(context, values) is not { } ticket)
        {
            return await Again(StatusCodes.Status400BadRequest, m => m with { Expired = true });
        }

        var ticked = values.Many("criteria").ToHashSet(StringComparer.Ordinal);
        var request = new AssessmentRequest(
            clientId,
            badge.Id,
            values["badgeVersion"] is { Length: > 0 } version ? version : badge.Version,
            values["demonstratedOn"],
            values["unitId"],
            values["deliveryMode"],
            badge.Criteria.Select(c => new CriterionResult(c.Id, ticked.Contains(c.Id))).ToList(),
            EvidenceNote: null)
        {
            Statement = values["statement"],
            InternalNote = values["internalNote"],
        };
        switch (await assessments.RecordAsync(request, context.User, ticket.Key, cancellationToken))
        {
            case AssessmentRecording.Recorded { Assessment: var recorded }:
                await forms.ForgetDraftAsync(values, cancellationToken);
                return StaffResults.SeeOther(context, StaffPaths.Assessment(clientId, recorded.AssessmentId));
            case AssessmentRecording.Invalid { Errors: var errors }:
                return await Again(StatusCodes.Status400BadRequest, m => m with { Errors = errors.AsReadOnly() });
            case AssessmentRecording.Refused { Reason: RecordingRefusal.IdempotencyKeyReused }:
                // The same form was sent before with other answers and that first one was recorded; a new key lets the
                // instructor record this as a new demonstration if that is what they meant.
                var text = StaffText.In(Infrastructure.Localization.Languages.Of(context));
                return await Again(StatusCodes.Status409Conflict, m => m with { Problem = text["FormAlreadySent"], ProblemDetail = text["FormAlreadySentDetail"] }, forms.Fresh(context));
            case AssessmentRecording.Refused refused:
                return await Again(AssessmentEndpoints.StatusOf(refused.Reason), m => m with { Problem = refused.Title, ProblemDetail = refused.Detail });
            case var other:
                throw new InvalidOperationException($"Unexpected assessment recording {other.GetType()}.");
        }
    }

    private static async Task<IResult> Result(
        string clientId, string assessmentId, HttpContext context, AssessmentOutcomes outcomes, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        var page = StaffPage.For(context, antiforgery);
        return await outcomes.FindAsync(clientId, assessmentId, context.User, cancellationToken) is { } outcome
            ? StaffResults.Page<ResultPage>(new { Page = page, Model = outcome })
            : StaffResults.NotFound(page);
    }

    private static async Task<RecordModel> ModelAsync(
        ClientOverview overview, BadgeDefinition badge, FormValues values, string ticket, HttpContext context, StaffClients clients,
        Catalogue.BadgeCatalogue catalogue, TimeProvider clock, CancellationToken cancellationToken)
    {
        var held = overview.Valid.Select(b => b.Badge.Id).ToHashSet(StringComparer.Ordinal);
        var today = HelsinkiTime.Today(clock.GetUtcNow());
        return new RecordModel(
            overview.Client.Id,
            overview.Client.DisplayName,
            overview.Client.UnitId,
            badge,
            await clients.UnitsOfAsync(context.User, cancellationToken),
            values,
            ticket,
            today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            overview.Open.FirstOrDefault(o => o.Badge.Id == badge.Id),
            held.Contains(badge.Id),
            badge.PrerequisiteIds.Where(p => !held.Contains(p)).Select(catalogue.Find).FirstOrDefault(),
            new Dictionary<string, string[]>());
    }
}
