using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Localization;
using Osaamismerkit.Clients;
using Osaamismerkit.Infrastructure.Auditing;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Infrastructure.Http;
using Osaamismerkit.Issuing;
using Osaamismerkit.Resources;
using Osaamismerkit.Staff;
using Osaamismerkit.StaffUi.Drafts;
using Osaamismerkit.StaffUi.Forms;
using Osaamismerkit.StaffUi.Overview;

namespace Osaamismerkit.StaffUi.Revoking;

/// <summary>Revoking one of a client's badges: a reason from the published list, and a note only staff see.</summary>
public static class RevokePageEndpoints
{
    public static RouteGroupBuilder MapRevokePages(this RouteGroupBuilder staff)
    {
        staff.MapGet("/clients/{clientId}/badges/{assertionId:guid}/revoke", Form).WithName("StaffRevokeForm");
        staff.MapPost("/clients/{clientId}/badges/{assertionId:guid}/revoke", Revoke).WithName("StaffRevoke").WithMetadata(new KeepsDraft());
        return staff;
    }

    private static async Task<IResult> Form(
        string clientId, Guid assertionId, HttpContext context, ClientOverviews overviews, StaffFormState forms, IAntiforgery antiforgery,
        CancellationToken cancellationToken)
    {
        var page = StaffPage.For(context, antiforgery);
        if (await FindAsync(clientId, assertionId, context, overviews, cancellationToken) is not ({ } overview, { Status: AssertionStatus.Valid } badge))
        {
            return StaffResults.NotFound(page);
        }

        var opened = await forms.OpenAsync(context, cancellationToken);
        var model = new RevokeModel(clientId, overview.Client.DisplayName, badge, opened.Values, opened.Ticket, new Dictionary<string, string[]>(), opened.Restored);
        return StaffResults.Page<RevokePage>(new { Page = page, Model = model });
    }

    private static async Task<IResult> Revoke(
        string clientId, Guid assertionId, HttpContext context, ClientOverviews overviews, StaffFormState forms, Database database, AuditLog audit,
        ClientMessages.Outbox outbox, TimeProvider clock, IStringLocalizer<Messages> messages, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        if (await FindAsync(clientId, assertionId, context, overviews, cancellationToken) is not ({ } overview, { } badge))
        {
            return StaffResults.NotFound(StaffPage.For(context, antiforgery));
        }

        if (badge.Status != AssertionStatus.Valid)
        {
            // Sent twice, or revoked meanwhile by someone else: the overview shows how it stands.
            return StaffResults.SeeOther(context, StaffPaths.Client(clientId));
        }

        var posted = await StaffForms.ReadAsync(context, antiforgery, cancellationToken);
        var values = posted is null ? FormValues.Empty : FormValues.From(posted.Fields);
        IResult Again(IReadOnlyDictionary<string, string[]> errors, bool expired = false) => StaffResults.Page<RevokePage>(
            new
            {
                Page = StaffPage.For(context, antiforgery),
                Model = new RevokeModel(clientId, overview.Client.DisplayName, badge, values, forms.Reissue(context, values), errors, Expired: expired),
            },
            StatusCodes.Status400BadRequest);

        if (posted is not { Trusted: true } || forms.TicketOf(context, values) is null)
        {
            return Again(new Dictionary<string, string[]>(), expired: true);
        }

        var errors = new FieldErrors();
        // The form offers only the list: the API's leniency for older callers' free text is not for people.
        var chosen = values["reason"];
        if (chosen.Length > 0 && !RevocationReasons.IsCode(chosen))
        {
            errors.Add("reason", messages["ReasonRequired"]);
        }

        var valid = errors.Any ? null : Revocations.Check(chosen, values["internalNote"], errors, messages);
        if (valid is null || errors.Any)
        {
            return Again(errors.ToDictionary().AsReadOnly());
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await Osaamismerkit.Clients.ClientQueries.LockAsync(transaction, clientId, cancellationToken);
        var now = clock.GetUtcNow();
        if (await Revocations.RevokeAsync(transaction, audit, context.User.ToActor(), badge.AssertionId, valid.Reason, now, cancellationToken, valid.InternalNote))
        {
            await outbox.QueueAsync(transaction, clientId, badge.AssertionId, badge.Badge.Id, ClientMessages.MessageKinds.Revoked, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            outbox.WakeSender();
        }

        await forms.ForgetDraftAsync(values, cancellationToken);
        return StaffResults.SeeOther(context, StaffPaths.Client(clientId) + "?revoked=1");
    }

    /// <summary>The client and the badge, only if the badge is the client's.</summary>
    private static async Task<(ClientOverview? Overview, HeldBadge? Badge)> FindAsync(
        string clientId, Guid assertionId, HttpContext context, ClientOverviews overviews, CancellationToken cancellationToken)
    {
        var overview = await overviews.FindAsync(clientId, context.User, cancellationToken);
        var badge = overview?.Badges.FirstOrDefault(b => b.AssertionId == assertionId.ToString());
        return badge is null ? (null, null) : (overview, badge);
    }
}
