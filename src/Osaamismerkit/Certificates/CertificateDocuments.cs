using System.Globalization;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Options;
using Osaamismerkit.Catalogue;
using Osaamismerkit.Clients;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Infrastructure.Http;
using Osaamismerkit.Infrastructure.Localization;
using Osaamismerkit.Issuing;
using Osaamismerkit.OpenBadges;

namespace Osaamismerkit.Certificates;

/// <summary>Reads issued badges from the database into certificate models and renders the PDFs.</summary>
public sealed class CertificateDocuments(
    Database database,
    Catalogue.BadgeCatalogue catalogue,
    BadgeImages images,
    ContactProtector protector,
    ObUrls urls,
    PublicUrls publicUrls,
    IOptions<IssuerOptions> issuer,
    BadgeCertificateRenderer badgeRenderer,
    CombinedCertificateRenderer combinedRenderer,
    BatchCertificateRenderer batchRenderer,
    TimeProvider clock)
{
    /// <summary>One badge's certificate, or null if the client has no such badge.</summary>
    public async Task<CertificatePdf?> BadgeAsync(string clientId, string displayName, string preferredLanguage, Guid assertionId, string? language, CancellationToken cancellationToken)
    {
        var recipient = Recipient(displayName, preferredLanguage, language);
        var badge = (await BadgesAsync([clientId], recipient.Language, cancellationToken))
            .Where(b => b.Row.Id == assertionId.ToString())
            .Select(b => b.Model)
            .FirstOrDefault();
        return badge is null ? null : new CertificatePdf(
            badgeRenderer.Render(Issuer(), recipient, badge),
            $"{CertificateLabels.For(recipient.Language)["FileBadge"]}-{assertionId.ToString()[..8]}.pdf");
    }

    /// <summary>All badges the client holds now in one document, or null if there are none.</summary>
    public async Task<CertificatePdf?> CombinedAsync(string clientId, string displayName, string preferredLanguage, string? language, CancellationToken cancellationToken)
    {
        var recipient = Recipient(displayName, preferredLanguage, language);
        var now = clock.GetUtcNow();
        var valid = (await BadgesAsync([clientId], recipient.Language, cancellationToken))
            .Where(b => AssertionStatus.Of(b.Row.RevokedAt, b.Row.Expires, now) == AssertionStatus.Valid)
            .Select(b => b.Model)
            .ToList();
        return valid.Count == 0 ? null : new CertificatePdf(
            combinedRenderer.Render(Issuer(), recipient, valid),
            $"{CertificateLabels.For(recipient.Language)["FileCombined"]}.pdf");
    }

    /// <summary>Every valid badge issued to the unit's clients in the period, one page each, for printing.</summary>
    public async Task<CertificatePdf?> BatchAsync(string unitId, DateOnly from, DateOnly to, string? language, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var clients = await ClientQueries.OfUnitsAsync(connection, [unitId], cancellationToken);
        var now = clock.GetUtcNow();
        var items = new List<CertificateBatchItem>();
        foreach (var client in clients)
        {
            var recipient = Recipient(client.DisplayName, client.PreferredLanguage, language);
            var badges = (await BadgesAsync([client.Id], recipient.Language, cancellationToken))
                .Where(b => AssertionStatus.Of(b.Row.RevokedAt, b.Row.Expires, now) == AssertionStatus.Valid)
                .Where(b => DateOnly.FromDateTime(b.Row.IssuedOn.UtcDateTime) is var d && d >= from && d <= to)
                .Select(b => b.Model)
                .ToList();
            if (badges.Count > 0)
            {
                items.Add(new CertificateBatchItem(recipient, badges));
            }
        }

        var batchLanguage = Languages.IsSupported(language) ? language! : Languages.Default;
        return items.Count == 0 ? null : new CertificatePdf(
            batchRenderer.Render(Issuer(), items, batchLanguage),
            string.Create(CultureInfo.InvariantCulture, $"{CertificateLabels.For(batchLanguage)["FileBatch"]}-{from:yyyy-MM-dd}-{to:yyyy-MM-dd}.pdf"));
    }

    private async Task<List<(AssertionEvidenceRow Row, CertificateBadge Model)>> BadgesAsync(
        string[] clientIds, string language, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await AssertionQueries.WithEvidenceOfClientsAsync(connection, clientIds, cancellationToken);
        return rows
            .Where(r => catalogue.Find(r.BadgeId) is not null)
            .Select(r => (r, Model(r, catalogue.Find(r.BadgeId)!, language)))
            .ToList();
    }

    private CertificateBadge Model(AssertionEvidenceRow row, BadgeDefinition badge, string language)
    {
        var assertionId = Guid.Parse(row.Id);
        var isOwnAssessment = row.AssessedBadgeId == badge.Id;
        var met = isOwnAssessment && row.CriteriaJson is not null
            ? JsonSerializer.Deserialize<List<MetCriterion>>(row.CriteriaJson, JsonSerializerOptions.Web)!
                .Where(c => c.Met)
                .Select(c => badge.Criteria.FirstOrDefault(d => d.Id == c.Id)?.Text.In(language))
                .OfType<string>()
                .ToList()
            : badge.PartIds.Select(p => catalogue.Find(p)?.Name.In(language) ?? p).ToList();
        var claimCode = row.RevokedAt is null ? protector.Unprotect(row.ClaimCodeProtected) : null;
        var publicPage = urls.PublicPage(assertionId);
        return new CertificateBadge(
            row.Id,
            badge.Name.In(language),
            badge.Level,
            badge.Track,
            badge.Kind,
            badge.PrimaryArea,
            catalogue.DigComp.FindArea(badge.PrimaryArea)?.Name.In(language) ?? string.Empty,
            images.Png(badge.Id)!,
            met,
            isOwnAssessment ? row.EvidenceNote : null,
            BadgeViews.Alignments(badge, catalogue.DigComp, language).Select(a => $"{a.Code} {a.Name}").ToList(),
            isOwnAssessment ? row.UnitName : null,
            isOwnAssessment ? row.DeliveryMode : null,
            isOwnAssessment && row.DemonstratedOn is { } d ? d : null,
            row.IssuedOn,
            row.Expires,
            isOwnAssessment ? row.InstructorName : null,
            isOwnAssessment ? row.InstructorTitle : null,
            publicPage,
            publicPage.Replace("https://", string.Empty, StringComparison.Ordinal).Replace("http://", string.Empty, StringComparison.Ordinal),
            claimCode is null ? null : new CertificateClaim(
                claimCode, publicUrls.Absolute(PublicPages.ClaimPageEndpoints.Path), PublicPages.PageText.In(language)["Claim_Button"]),
            // assessments.evidence_note stores no language, and the service's instructors write in Finnish: taken as Finnish.
            Languages.Default);
    }

    private CertificateIssuer Issuer() => new(issuer.Value.Name, issuer.Value.Url, images.IssuerPrintPng());

    private static CertificateRecipient Recipient(string displayName, string preferred, string? requested) =>
        new(displayName, Languages.IsSupported(requested) ? requested! : Languages.IsSupported(preferred) ? preferred : Languages.Default);

    private sealed record MetCriterion(string Id, bool Met);
}
