using System.Diagnostics;
using System.Security.Claims;
using Microsoft.Extensions.Localization;
using Osaamismerkit.Infrastructure.Http;
using Osaamismerkit.Resources;

namespace Osaamismerkit.Assessments;

/// <summary>
/// Records a group session as one assessment per client through <see cref="AssessmentRecorder"/> — the same validation,
/// transaction, milestones, messages and audit as a single assessment, not a copy. Each client is their own transaction
/// with their own idempotency key (the group's key and the client id), so a retry of the whole group after a lost
/// answer replays who was done and records who was not; one client's refusal or error never undoes another's badge.
/// </summary>
public sealed class GroupRecorder(AssessmentRecorder recorder, IStringLocalizer<Messages> text)
{
    public const int MaxClients = 30;

    /// <summary>The group's key leaves room for "/" and a client id within the 100 characters of a key.</summary>
    public const int MaxGroupKeyLength = 60;

    public async Task<GroupRecording> RecordAsync(GroupRequest request, ClaimsPrincipal user, string? groupKey, CancellationToken cancellationToken)
    {
        if (Check(request, groupKey) is { } invalid)
        {
            return invalid;
        }

        var results = new List<GroupMemberResult>(request.Clients!.Count);
        foreach (var member in request.Clients)
        {
            var key = groupKey is null ? null : $"{groupKey}/{member.ClientId}";
            results.Add(ResultOf(member.ClientId, await recorder.RecordAsync(Single(request, member), user, key, cancellationToken)));
        }

        return Summed(results);
    }

    /// <summary>
    /// What <see cref="RecordAsync"/> would answer now, writing nothing: the group's own checks and each client's
    /// <see cref="AssessmentRecorder.PreviewAsync"/>. The staff page shows a client's invalid fields before anyone is recorded.
    /// </summary>
    public async Task<GroupRecording> PreviewAsync(GroupRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (Check(request, null) is { } invalid)
        {
            return invalid;
        }

        var results = new List<GroupMemberResult>(request.Clients!.Count);
        foreach (var member in request.Clients)
        {
            results.Add(ResultOf(member.ClientId, await recorder.PreviewAsync(Single(request, member), user, cancellationToken)));
        }

        return Summed(results);
    }

    private GroupRecording.Invalid? Check(GroupRequest request, string? groupKey)
    {
        var errors = new FieldErrors();
        var members = request.Clients ?? [];
        if (members.Count is 0 or > MaxClients)
        {
            errors.Add("clients", text["GroupSize", MaxClients]);
        }

        var repeated = members.Where(m => !string.IsNullOrWhiteSpace(m.ClientId)).GroupBy(m => m.ClientId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            errors.Add("clients", text["GroupClientTwice", repeated.Key!]);
        }

        if (groupKey is { Length: > MaxGroupKeyLength })
        {
            errors.Add("Idempotency-Key", text["GroupKeyTooLong", MaxGroupKeyLength]);
        }

        return errors.Any ? new GroupRecording.Invalid(errors.ToDictionary()) : null;
    }

    /// <summary>One client's assessment: the group's shared fields, the client's criteria, their own statement or else the shared one.</summary>
    private static AssessmentRequest Single(GroupRequest request, GroupMember member) =>
        new(member.ClientId, request.BadgeId, request.BadgeVersion, request.DemonstratedOn, request.UnitId, request.DeliveryMode, member.Criteria, null)
        {
            Statement = string.IsNullOrWhiteSpace(member.Statement) ? request.Statement : member.Statement,
            InternalNote = member.InternalNote,
        };

    private static GroupRecording.Recorded Summed(List<GroupMemberResult> results) =>
        new(new GroupResult(
            results,
            results.Count(r => r.Status == GroupMemberResult.Issued),
            results.Count(r => r.Status == GroupMemberResult.Progress),
            results.Count(r => r.Status == GroupMemberResult.Refused),
            results.Count(r => r.Status == GroupMemberResult.Invalid)));

    private static GroupMemberResult ResultOf(string? clientId, AssessmentRecording recording) => recording switch
    {
        AssessmentRecording.Recorded { Assessment: var a } => new GroupMemberResult(
            clientId, a.Outcome == Outcomes.Passed ? GroupMemberResult.Issued : GroupMemberResult.Progress, a),
        AssessmentRecording.Refused r => new GroupMemberResult(clientId, GroupMemberResult.Refused, Title: r.Title, Detail: r.Detail),
        AssessmentRecording.Invalid i => new GroupMemberResult(clientId, GroupMemberResult.Invalid, Errors: i.Errors),
        var other => throw new UnreachableException($"Unknown recording {other.GetType()}."),
    };
}
