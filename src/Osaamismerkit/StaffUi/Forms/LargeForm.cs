namespace Osaamismerkit.StaffUi.Forms;

/// <summary>
/// Endpoint metadata: this form may hold more fields than a single-client form, up to a group of thirty clients with
/// every criterion and a statement each. Read with the larger limits, also when its draft is kept after the sign-in ran out.
/// </summary>
public sealed class LargeForm;
