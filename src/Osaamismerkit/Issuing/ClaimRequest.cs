namespace Osaamismerkit.Issuing;

/// <summary>The code printed on the certificate and the e-mail address the badge should belong to.</summary>
public sealed record ClaimRequest(string? Code, string? Email);
