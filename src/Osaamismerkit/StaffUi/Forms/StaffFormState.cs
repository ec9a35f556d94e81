using Osaamismerkit.Staff;
using Osaamismerkit.StaffUi.Drafts;

namespace Osaamismerkit.StaffUi.Forms;

/// <summary>Opens a staff form fresh or from a kept draft, and keeps a form's key when it is shown again.</summary>
public sealed class StaffFormState(FormTickets tickets, DraftStore drafts)
{
    public const string DraftField = StaffAuthorizationResultHandler.DraftQueryKey;

    public async Task<OpenedForm> OpenAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var subject = context.User.SubjectId();
        var draftId = context.Request.Query[DraftField].ToString();
        var draft = await drafts.FindAsync(draftId, subject, context.Request.Path.Value ?? "/", cancellationToken);
        if (draft is null)
        {
            return new OpenedForm(FormValues.Empty, tickets.Issue(subject), Restored: false);
        }

        var values = new FormValues(draft.Fields).With(DraftField, draftId);
        return new OpenedForm(values, tickets.Issue(subject, draft.FormKey), Restored: true);
    }

    /// <summary>The posted form's key if it was drawn for this instructor, else null.</summary>
    public FormTicket? TicketOf(HttpContext context, FormValues posted) =>
        tickets.Read(posted[FormTickets.FieldName]) is { } ticket && ticket.Subject == context.User.SubjectId() ? ticket : null;

    /// <summary>A ticket for showing the form again: the same key, so what was sent once is never recorded twice.</summary>
    public string Reissue(HttpContext context, FormValues posted) =>
        tickets.Issue(context.User.SubjectId(), TicketOf(context, posted)?.Key);

    public string Fresh(HttpContext context) => tickets.Issue(context.User.SubjectId());

    public Task ForgetDraftAsync(FormValues posted, CancellationToken cancellationToken) => drafts.RemoveAsync(posted[DraftField], cancellationToken);
}
