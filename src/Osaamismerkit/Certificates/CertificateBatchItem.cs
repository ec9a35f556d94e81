namespace Osaamismerkit.Certificates;

/// <summary>One client's badges in a print batch; each client's pages are in that client's language.</summary>
public sealed record CertificateBatchItem(CertificateRecipient Recipient, IReadOnlyList<CertificateBadge> Badges);
