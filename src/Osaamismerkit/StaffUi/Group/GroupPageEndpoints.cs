using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Osaamismerkit.Assessments;
using Osaamismerkit.Catalogue;
using Osaamismerkit.StaffUi.Clients;
using Osaamismerkit.StaffUi.Components;
using Osaamismerkit.StaffUi.Drafts;
using Osaamismerkit.StaffUi.Forms;
using Osaamismerkit.PublicPages;

namespace Osaamismerkit.StaffUi.Group;

/// <summary>
/// A group demonstration on one screen: choose the badge and the clients, set the shared fields once, tick each client's
/// criteria, send. Recording is <see cref="GroupRecorder"/>'s, as through the API: each client in their own transaction
/// with their own key, answered on their own.
/// </summary>
public static class GroupPageEndpoints
{
    public static RouteGroupBuilder MapGroupPages(this RouteGroupBuilder staff)
    {
        staff.MapGet("/group", Choose).WithName("StaffGroupChoose");
        staff.MapGet("/group/record", Form).WithName("StaffGroupForm");
        staff.MapPost("/group/record", Submit).WithName("StaffGroupSubmit").WithMetadata(new KeepsDraft(), new LargeForm());
        return staff;
    }

    private static async Task<IResult> Choose(
        HttpContext context, StaffClients clients, Catalogue.BadgeCatalogue catalogue, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        var chosen = query["client"].Where(c => !string.IsNullOrEmpty(c)).Select(c => c!).ToHashSet(StringComparer.Ordinal);
        var model = await ChooseModelAsync(context.User, query["badgeId"].ToString(), chosen, new Dictionary<string, string[]>(), clients, catalogue, cancellationToken);
        return StaffResults.Page<GroupChoosePage>(new { Page = StaffPage.For(context, antiforgery), Model = model });
    }

    private static async Task<IResult> Form(
        HttpContext context, StaffClients clients, StaffFormState forms, Catalogue.BadgeCatalogue catalogue, TimeProvider clock,
        IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        var page = StaffPage.For(context, antiforgery);
        var opened = await forms.OpenAsync(context, cancellationToken);

        // A restored draft knows its badge and clients; a fresh form gets them from the first step's query.
        var query = context.Request.Query;
        var badgeId = opened.Restored ? opened.Values["badgeId"] : query["badgeId"].ToString();
        var ids = opened.Restored ? opened.Values.Many(GroupFields.Clients) : query["client"].Where(c => !string.IsNullOrEmpty(c)).Select(c => c!).ToList();
        var members = await MembersAsync(context.User, ids, clients, cancellationToken);
        var errors = new Dictionary<string, string[]>();
        if (catalogue.Find(badgeId) is not { Kind: BadgeKind.Skill })
        {
            errors["badgeId"] = [page.Text["GroupBadgeRequired"]];
        }

        if (members.Count == 0)
        {
            errors["client"] = [page.Text["GroupClientsRequired"]];
        }
        else if (members.Count > GroupRecorder.MaxClients)
        {
            errors["client"] = [page.Text["GroupTooMany", GroupRecorder.MaxClients]];
        }

        if (errors.Count > 0)
        {
            var again = await ChooseModelAsync(context.User, badgeId, ids.ToHashSet(StringComparer.Ordinal), errors, clients, catalogue, cancellationToken);
            return StaffResults.Page<GroupChoosePage>(new { Page = page, Model = again }, StatusCodes.Status400BadRequest);
        }

        var model = await FormModelAsync(catalogue.Find(badgeId)!, members, opened.Values, opened.Ticket, context, clients, clock, cancellationToken) with
        {
            Restored = opened.Restored,
        };
        return StaffResults.Page<GroupFormPage>(new { Page = page, Model = model });
    }

    private static async Task<IResult> Submit(
        HttpContext context, StaffClients clients, StaffFormState forms, GroupRecorder recorder, Catalogue.BadgeCatalogue catalogue,
        TimeProvider clock, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        var posted = await StaffForms.ReadAsync(context, antiforgery, cancellationToken);
        var values = posted is null ? FormValues.Empty : FormValues.From(posted.Fields);
        var page = StaffPage.For(context, antiforgery);
        var ids = values.Many(GroupFields.Clients);
        var members = await MembersAsync(context.User, ids, clients, cancellationToken);
        if (catalogue.Find(values["badgeId"]) is not { Kind: BadgeKind.Skill } badge || members.Count == 0)
        {
            // A form without its badge or clients is not one this service drew: back to choosing them.
            var (field, key) = members.Count == 0 ? ("client", "GroupClientsRequired") : ("badgeId", "GroupBadgeRequired");
            var errors = new Dictionary<string, string[]> { [field] = [page.Text[key]] };
            var choose = await ChooseModelAsync(context.User, values["badgeId"], ids.ToHashSet(StringComparer.Ordinal), errors, clients, catalogue, cancellationToken);
            return StaffResults.Page<GroupChoosePage>(new { Page = page, Model = choose }, StatusCodes.Status400BadRequest);
        }

        async Task<IResult> Again(int status, Func<GroupFormModel, GroupFormModel> change, FormValues? shown = null)
        {
            var model = await FormModelAsync(badge, members, shown ?? values, forms.Reissue(context, values), context, clients, clock, cancellationToken);
            return StaffResults.Page<GroupFormPage>(new { Page = page, Model = change(model) }, status);
        }

        if (posted is not { Trusted: true } || forms.TicketOf(context, values) is not { } ticket)
        {
            return await Again(StatusCodes.Status400BadRequest, m => m with { Expired = true });
        }

        if (values[GroupFields.Intent] == GroupFields.CopyIntent)
        {
            return await Again(StatusCodes.Status200OK, m => m with { Copied = true }, GroupFields.CopyShared(members, values));
        }

        // Every client's fields are checked before anyone is recorded, so a typo in one statement is fixed on this form
        // rather than leaving that client out of an otherwise recorded group.
        var request = GroupFields.Request(badge, members, values);
        if (await recorder.PreviewAsync(request, context.User, cancellationToken) is var preview && Problems(preview, members, values, page.Text) is { } problems)
        {
            return await Again(StatusCodes.Status400BadRequest, m => m with { Errors = problems.Fields, Summary = problems.Summary });
        }

        switch (await recorder.RecordAsync(request, context.User, ticket.Key, cancellationToken))
        {
            case GroupRecording.Recorded { Group: var group }:
                await forms.ForgetDraftAsync(values, cancellationToken);
                var rows = group.Results.Select((r, i) => Row(members[i], r, badge, page.Text)).ToList();
                return StaffResults.Page<GroupResultPage>(new { Page = page, Model = new GroupResultModel(badge, group, rows) });
            case var other:
                var again = Problems(other, members, values, page.Text)!;
                return await Again(StatusCodes.Status400BadRequest, m => m with { Errors = again.Fields, Summary = again.Summary });
        }
    }

    private sealed record FieldProblems(IReadOnlyDictionary<string, string[]> Fields, IReadOnlyDictionary<string, string[]> Summary);

    /// <summary>
    /// The errors of a preview or a refused group, placed where the instructor fixes them: a shared field's once at that
    /// field; a client's statement that was the shared one at the shared statement; the rest at the client's own field.
    /// Null when nothing is invalid (refusals are answers, shown after recording).
    /// </summary>
    private static FieldProblems? Problems(GroupRecording recording, IReadOnlyList<GroupClient> members, FormValues values, StaffText text)
    {
        var fields = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var summary = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string field, string message, string? name)
        {
            if (!fields.TryGetValue(field, out var list))
            {
                fields[field] = list = [];
                summary[field] = [];
            }

            if (!list.Contains(message))
            {
                list.Add(message);
                summary[field].Add(name is null ? message : text["GroupMemberError", name, message]);
            }
        }

        switch (recording)
        {
            case GroupRecording.Invalid { Errors: var errors }:
                foreach (var (key, messages) in errors)
                {
                    foreach (var message in messages)
                    {
                        Add(key, message, null);
                    }
                }

                break;
            case GroupRecording.Recorded { Group: var group }:
                foreach (var (result, member) in group.Results.Zip(members))
                {
                    foreach (var (key, messages) in result.Errors ?? new Dictionary<string, string[]>())
                    {
                        var field = Base(key);
                        var shared = GroupFields.Shared.Contains(field)
                            || (field == "statement" && string.IsNullOrWhiteSpace(values[GroupFields.Statement(member.Id)]));
                        foreach (var message in messages)
                        {
                            Add(shared ? field : $"{field}-{member.Id}", message, shared ? null : member.Name);
                        }
                    }
                }

                break;
        }

        return fields.Count == 0
            ? null
            : new FieldProblems(
                fields.ToDictionary(f => f.Key, f => f.Value.ToArray(), StringComparer.Ordinal),
                summary.ToDictionary(f => f.Key, f => f.Value.ToArray(), StringComparer.Ordinal));
    }

    /// <summary>"criteria[2].met" is the criteria field's error.</summary>
    private static string Base(string key) => FieldIds.Of(key)["field-".Length..];

    private static GroupResultRow Row(GroupClient member, GroupMemberResult result, BadgeDefinition badge, StaffText text)
    {
        var missing = result.Assessment?.MissingCriteria
            .Select(id => badge.Criteria.FirstOrDefault(c => c.Id == id)?.Text.In(text.Language) ?? id)
            .ToList() ?? [];
        var problems = result.Status switch
        {
            GroupMemberResult.Refused => new[] { result.Title, result.Detail }.OfType<string>().ToList(),
            GroupMemberResult.Invalid => (result.Errors ?? new Dictionary<string, string[]>()).SelectMany(e => e.Value).Distinct().ToList(),
            _ => [],
        };
        return new GroupResultRow(member, result.Status, result.Assessment, missing, problems);
    }

    /// <summary>The chosen clients that are the instructor's, in the order chosen; anyone else's id is left out as if unknown.</summary>
    private static async Task<IReadOnlyList<GroupClient>> MembersAsync(
        ClaimsPrincipal user, IReadOnlyList<string> ids, StaffClients clients, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var mine = (await clients.SearchAsync(user, null, cancellationToken)).ToDictionary(c => c.Id, StringComparer.Ordinal);
        return ids.Distinct(StringComparer.Ordinal)
            .Select(id => mine.TryGetValue(id, out var c) ? new GroupClient(c.Id, c.DisplayName, c.UnitName) : null)
            .OfType<GroupClient>()
            .ToList();
    }

    private static async Task<GroupChooseModel> ChooseModelAsync(
        ClaimsPrincipal user, string? badgeId, IReadOnlySet<string> chosen, IReadOnlyDictionary<string, string[]> errors, StaffClients clients,
        Catalogue.BadgeCatalogue catalogue, CancellationToken cancellationToken)
    {
        var hasUnits = (await clients.UnitsOfAsync(user, cancellationToken)).Count > 0;
        var mine = (await clients.SearchAsync(user, null, cancellationToken)).Select(c => new GroupClient(c.Id, c.DisplayName, c.UnitName)).ToList();
        var badges = catalogue.Badges.Where(b => b.Kind == BadgeKind.Skill).OrderBy(b => b.Track).ThenBy(b => b.Level).ToList();
        return new GroupChooseModel(badges, mine, string.IsNullOrEmpty(badgeId) ? null : badgeId, chosen, hasUnits, errors);
    }

    private static async Task<GroupFormModel> FormModelAsync(
        BadgeDefinition badge, IReadOnlyList<GroupClient> members, FormValues values, string ticket, HttpContext context, StaffClients clients,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = HelsinkiTime.Today(clock.GetUtcNow());
        var empty = new Dictionary<string, string[]>();
        return new GroupFormModel(
            badge, members, await clients.UnitsOfAsync(context.User, cancellationToken), values, ticket,
            today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), empty, empty);
    }
}
