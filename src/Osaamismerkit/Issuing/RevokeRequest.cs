namespace Osaamismerkit.Issuing;

/// <param name="Reason">
/// One of the published reason codes: issued_in_error, criteria_not_met, replaced, holder_request, other. Only the code's
/// wording is published. For compatibility, a free text that is not a code is accepted as "other" with the text kept as
/// the internal note (as stored reasons were migrated), unless an internal note is also given.
/// </param>
/// <param name="InternalNote">
/// For staff of the client's units only; never published. No identity code (refused); keep health details out.
/// </param>
public sealed record RevokeRequest(string? Reason, string? InternalNote = null);
