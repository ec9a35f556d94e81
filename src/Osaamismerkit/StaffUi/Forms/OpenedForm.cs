namespace Osaamismerkit.StaffUi.Forms;

public sealed record OpenedForm(FormValues Values, string Ticket, bool Restored);
