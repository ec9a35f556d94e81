using System.Data.Common;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using Osaamismerkit.Catalogue;
using Osaamismerkit.ClientMessages;
using Osaamismerkit.Clients;
using Osaamismerkit.Infrastructure.Auditing;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Infrastructure.Http;
using Osaamismerkit.Issuing;
using Osaamismerkit.OpenBadges;
using Osaamismerkit.Resources;
using Osaamismerkit.Staff;

namespace Osaamismerkit.Assessments;

/// <summary>
/// Records an assessment and, when every required criterion is met, issues the badge and any milestone it
/// completes — all in one transaction, so a crash leaves either everything or nothing.
/// </summary>
public sealed class AssessmentRecorder(
    Database database,
    GroupCommit commits,
    Catalogue.BadgeCatalogue catalogue,
    ClientAccess clients,
    StaffUnits units,
    AssertionIssuer issuer,
    ContactProtector protector,
    AuditLog audit,
    ObUrls urls,
    Outbox outbox,
    TimeProvider clock,
    IStringLocalizer<Messages> text)
{
    private const string Supersede = "superseded by renewal";

    public async Task<AssessmentRecording> RecordAsync(
        AssessmentRequest request, ClaimsPrincipal user, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var errors = new FieldErrors();
        if (idempotencyKey is { Length: > 100 })
        {
            errors.Add("Idempotency-Key", text["IdempotencyKeyTooLong"]);
        }
        else
        {
            // The key is stored and shown in the client's data export: free text like any other.
            PersonalDataCheck.CheckStored("Idempotency-Key", idempotencyKey, errors, text);
        }

        var (valid, client) = await ValidateAsync(request, user, now, errors, cancellationToken);
        if (valid is not { } v || client is null || errors.Any)
        {
            return new AssessmentRecording.Invalid(errors.ToDictionary());
        }

        var requestHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request))));
        var subject = user.SubjectId();
        try
        {
            // The whole transaction again after a deadlock; with an Idempotency-Key also after a broken connection or an
            // Azure SQL fault, since a COMMIT that did happen is then found and replayed instead of issued twice.
            return await DatabaseRetry.RunAsync(
                () => RecordInTransactionAsync(request, v, client, user, subject, idempotencyKey, requestHash, now, cancellationToken),
                idempotent: idempotencyKey is not null,
                cancellationToken);
        }
        catch (DbException e) when (Database.IsUniqueViolation(e))
        {
            // A parallel retry with the same key, or a parallel issue of the same badge, committed first.
            if (idempotencyKey is not null && await ReplayAsync(subject, idempotencyKey, requestHash, cancellationToken) is { } replay)
            {
                return replay;
            }

            return AlreadyHolds();
        }
    }

    /// <summary>
    /// What <see cref="RecordAsync"/> would answer now, writing nothing: the same validation, and for a pass the same
    /// prerequisite and already-held checks (an import's dry run). A later real run can still differ if something changes between.
    /// </summary>
    public async Task<AssessmentRecording> PreviewAsync(AssessmentRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var errors = new FieldErrors();
        var (valid, client) = await ValidateAsync(request, user, now, errors, cancellationToken);
        if (valid is not { } v || client is null || errors.Any)
        {
            return new AssessmentRecording.Invalid(errors.ToDictionary());
        }

        var missing = v.Badge.Criteria.Where(c => c.Required && !v.Results[c.Id]).Select(c => c.Id).ToList();
        if (missing.Count == 0)
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            if (RefusalFor(v.Badge, client, await AssertionQueries.ActiveOfClientAsync(transaction, client.Id, cancellationToken), now) is { } refused)
            {
                return refused;
            }
        }

        return new AssessmentRecording.Recorded(new AssessmentResult(string.Empty, missing.Count == 0 ? Outcomes.Passed : Outcomes.NotYet, missing, null, []));
    }

    /// <summary>The request's fields, the client (visible to this user) and the unit (theirs to act in): one check for recording and preview.</summary>
    private async Task<(ValidAssessment? Valid, ClientRow? Client)> ValidateAsync(
        AssessmentRequest request, ClaimsPrincipal user, DateTimeOffset now, FieldErrors errors, CancellationToken cancellationToken)
    {
        var valid = AssessmentValidation.Validate(request, catalogue, PublicPages.HelsinkiTime.Today(now), text, errors);
        var client = string.IsNullOrWhiteSpace(request.ClientId) ? null : await clients.FindAsync(request.ClientId, user, cancellationToken);
        if (!string.IsNullOrWhiteSpace(request.ClientId) && client is null)
        {
            errors.Add("clientId", text["ClientNotFound"]);
        }

        if (!string.IsNullOrWhiteSpace(request.UnitId) && !await units.MayActInAsync(user, request.UnitId, cancellationToken))
        {
            errors.Add("unitId", text["UnitNotYours"]);
        }

        return (valid, client);
    }

    private async Task<AssessmentRecording> RecordInTransactionAsync(
        AssessmentRequest request, ValidAssessment valid, ClientRow client, ClaimsPrincipal user, string subject, string? idempotencyKey, string requestHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (badge, results) = (valid.Badge, valid.Results);
        var missing = badge.Criteria.Where(c => c.Required && !results[c.Id]).Select(c => c.Id).ToList();
        var outcome = missing.Count == 0 ? Outcomes.Passed : Outcomes.NotYet;
        var assessmentId = Guid.CreateVersion7().ToString();
        var recipient = outcome == Outcomes.Passed ? RecipientOf(client) : null;
        // Signed before the write turn, so that SQLite's one write lock is held for the inserts and not for RSA. If the
        // checks below refuse (a replay, a missing prerequisite, a badge already held), the signature is thrown away.
        var signed = outcome == Outcomes.Passed
            ? issuer.Sign(new NewAssertion(client.Id, badge, client.PreferredLanguage, recipient, now, assessmentId, valid.Statement))
            : null;

        var pending = new PendingAssessment(request, valid, client, user, subject, idempotencyKey, requestHash, now, missing, outcome, assessmentId, recipient, signed);
        // Queued with other issuances and committed together on SQLite (GroupCommit): the answer comes after the COMMIT.
        var (recording, wrote) = await commits.RunAsync(
            (transaction, token) => WriteAsync(transaction, pending, token),
            written => written.Wrote,
            cancellationToken);
        if (wrote)
        {
            outbox.WakeSender();
        }

        return recording;
    }

    /// <summary>The writes of one assessment, in a transaction (or a savepoint of one) that the caller commits when Wrote.</summary>
    private async Task<(AssessmentRecording Recording, bool Wrote)> WriteAsync(
        DbTransaction transaction, PendingAssessment pending, CancellationToken cancellationToken)
    {
        var (request, valid, client, user, subject, idempotencyKey, requestHash, now, missing, outcome, assessmentId, recipient, signed) = pending;
        var (badge, date, results) = (valid.Badge, valid.Date, valid.Results);
        // Before any read: a second instructor's pass for this client (the other part of a milestone, a revocation of a
        // prerequisite) waits here and then reads what the first committed. See ClientQueries.LockAsync.
        await ClientQueries.LockAsync(transaction, client.Id, cancellationToken);
        if (idempotencyKey is not null && await ReplayInAsync(transaction, subject, idempotencyKey, requestHash, cancellationToken) is { } replay)
        {
            return (replay, false);
        }

        var held = await AssertionQueries.ActiveOfClientAsync(transaction, client.Id, cancellationToken);
        if (outcome == Outcomes.Passed && RefusalFor(badge, client, held, now) is { } refused)
        {
            return (refused, false);
        }

        var actor = user.ToActor();
        await AssessmentQueries.InsertAsync(transaction, new NewAssessment
        {
            Id = assessmentId,
            ClientId = client.Id,
            BadgeId = badge.Id,
            BadgeVersion = badge.Version,
            DemonstratedOn = date,
            UnitId = request.UnitId,
            DeliveryMode = request.DeliveryMode,
            CriteriaJson = JsonSerializer.Serialize(badge.Criteria.Select(c => new { id = c.Id, met = results[c.Id] })),
            EvidenceNote = valid.Statement,
            InternalNote = valid.InternalNote,
            Outcome = outcome,
            InstructorSubject = subject,
            InstructorName = user.FindFirstValue("name") ?? user.FindFirstValue(ClaimTypes.Name) ?? subject,
            InstructorTitle = user.FindFirstValue("jobTitle") ?? user.FindFirstValue("title"),
            IdempotencyKey = idempotencyKey,
            RequestHash = requestHash,
            CreatedAt = now,
        }, cancellationToken);
        await audit.AppendAsync(transaction, actor, new AuditEntry("assessment.recorded", "assessment", assessmentId, outcome), cancellationToken);

        IssuedBadge? issued = null;
        IReadOnlyList<IssuedBadge> milestones = [];
        if (signed is not null)
        {
            await SupersedeAsync(transaction, held, badge.Id, actor, now, cancellationToken);
            issued = View(await issuer.StoreAsync(transaction, signed, actor, cancellationToken));
            milestones = await IssueMilestonesAsync(transaction, badge, client, recipient, assessmentId, held, actor, now, cancellationToken);
            foreach (var earned in milestones.Prepend(issued))
            {
                await outbox.QueueAsync(transaction, client.Id, earned.AssertionId, earned.BadgeId, MessageKinds.Issued, now, cancellationToken);
            }
        }

        return (new AssessmentRecording.Recorded(new AssessmentResult(assessmentId, outcome, missing, issued, milestones)), true);
    }

    /// <summary>A pass is refused while a prerequisite is not held, or while the badge itself is held and valid.</summary>
    private AssessmentRecording.Refused? RefusalFor(BadgeDefinition badge, ClientRow client, IReadOnlyList<ActiveAssertion> held, DateTimeOffset now)
    {
        var lacking = badge.PrerequisiteIds.FirstOrDefault(p => !held.Any(h => h.BadgeId == p && h.IsValidAt(now)));
        if (lacking is not null)
        {
            return new AssessmentRecording.Refused(
                RecordingRefusal.PrerequisiteMissing,
                text["PrerequisiteMissingTitle"],
                text["PrerequisiteMissing", catalogue.Find(lacking)!.Name.In(client.PreferredLanguage), lacking]);
        }

        return held.Any(h => h.BadgeId == badge.Id && h.IsValidAt(now)) ? AlreadyHolds() : null;
    }

    /// <summary>Issues every milestone the new badge completes, each replacing an expired copy of itself.</summary>
    private async Task<IReadOnlyList<IssuedBadge>> IssueMilestonesAsync(
        DbTransaction transaction, BadgeDefinition badge, ClientRow client, Recipient? recipient, string assessmentId,
        IReadOnlyList<ActiveAssertion> held, Actor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var milestones = new List<IssuedBadge>();
        var holding = held.Where(h => h.IsValidAt(now)).Select(h => h.BadgeId).Append(badge.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var milestone in catalogue.MilestonesContaining(badge.Id))
        {
            if (holding.Contains(milestone.Id) || !milestone.PartIds.All(holding.Contains))
            {
                continue;
            }

            await SupersedeAsync(transaction, held, milestone.Id, actor, now, cancellationToken);
            var narrative = text["MilestoneEvidence", string.Join(", ", milestone.PartIds.Select(p => catalogue.Find(p)!.Name.In(client.PreferredLanguage)))];
            var earned = await issuer.IssueAsync(transaction, new NewAssertion(
                client.Id, milestone, client.PreferredLanguage, recipient, now, assessmentId, narrative), actor, cancellationToken);
            milestones.Add(View(earned));
            holding.Add(milestone.Id);
        }

        return milestones;
    }

    /// <summary>A renewed badge replaces the client's expired copies of it: one unrevoked assertion per badge.</summary>
    private async Task SupersedeAsync(
        DbTransaction transaction, IReadOnlyList<ActiveAssertion> held, string badgeId, Actor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var expired in held.Where(h => h.BadgeId == badgeId))
        {
            await Revocations.RevokeAsync(transaction, audit, actor, expired.Id, Supersede, now, cancellationToken);
        }
    }

    private AssessmentRecording.Refused AlreadyHolds() => new(RecordingRefusal.AlreadyHoldsBadge, text["AlreadyHoldsBadge"]);

    /// <summary>
    /// The client's e-mail, or null for a placeholder (the badge's public URL). A phone-only client gets a placeholder
    /// like a client with no contact at all: a telephone number is too guessable to publish as a hash. The phone stays
    /// encrypted, and keyed-hashed for staff to find the client.
    /// </summary>
    private Recipient? RecipientOf(ClientRow client) =>
        protector.Unprotect(client.EmailProtected) is { } email ? Recipient.Email(email) : null;

    private async Task<AssessmentRecording?> ReplayAsync(string subject, string key, string requestHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        return await ReplayInAsync(transaction, subject, key, requestHash, cancellationToken);
    }

    /// <summary>The first result for this Idempotency-Key, or a refusal if the key came with a different request.</summary>
    private async Task<AssessmentRecording?> ReplayInAsync(
        DbTransaction transaction, string subject, string key, string requestHash, CancellationToken cancellationToken)
    {
        var first = await AssessmentQueries.ByIdempotencyKeyAsync(transaction, subject, key, cancellationToken);
        if (first is null)
        {
            return null;
        }

        if (first.RequestHash != requestHash)
        {
            return new AssessmentRecording.Refused(RecordingRefusal.IdempotencyKeyReused, text["IdempotencyKeyReused"]);
        }

        var assertions = await AssertionQueries.OfAssessmentAsync(transaction, first.Id, cancellationToken);
        var missing = JsonSerializer.Deserialize<List<StoredCriterion>>(first.CriteriaJson, JsonSerializerOptions.Web)!
            .Where(c => !c.Met && catalogue.Find(first.BadgeId)?.Criteria.FirstOrDefault(d => d.Id == c.Id)?.Required != false)
            .Select(c => c.Id)
            .ToList();
        var badge = assertions.FirstOrDefault(a => a.BadgeId == first.BadgeId);
        return new AssessmentRecording.Recorded(new AssessmentResult(
            first.Id,
            first.Outcome,
            missing,
            badge is null ? null : View(badge),
            assertions.Where(a => a.BadgeId != first.BadgeId).Select(View).ToList()));
    }

    private IssuedBadge View(IssuedAssertion a) => new(
        a.Id.ToString(), a.BadgeId, a.RecipientType, a.IssuedOn, a.Expires,
        urls.PublicPage(a.Id), urls.AssertionJson(a.Id), urls.AssertionJws(a.Id), a.ClaimCode);

    private IssuedBadge View(AssertionRow a)
    {
        var id = Guid.Parse(a.Id);
        return new IssuedBadge(a.Id, a.BadgeId, a.RecipientType, a.IssuedOn, a.Expires,
            urls.PublicPage(id), urls.AssertionJson(id), urls.AssertionJws(id), protector.Unprotect(a.ClaimCodeProtected));
    }

    private sealed record StoredCriterion(string Id, bool Met);

    /// <summary>An assessment checked and, for a pass, signed: what the write needs, prepared outside the write lock.</summary>
    private sealed record PendingAssessment(
        AssessmentRequest Request, ValidAssessment Valid, ClientRow Client, ClaimsPrincipal User, string Subject, string? IdempotencyKey,
        string RequestHash, DateTimeOffset Now, List<string> Missing, string Outcome, string AssessmentId, Recipient? Recipient, SignedAssertion? Signed);
}
