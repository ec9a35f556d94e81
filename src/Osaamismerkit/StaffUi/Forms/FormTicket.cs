namespace Osaamismerkit.StaffUi.Forms;

/// <summary>
/// Who a form was drawn for and its one key. The key is the Idempotency-Key of the form's submission, so a double
/// click or a resent draft never records twice.
/// </summary>
public sealed record FormTicket(string Key, string Subject);
