using System.Data.Common;
using Microsoft.Extensions.Localization;
using Osaamismerkit.Clients;
using Osaamismerkit.Infrastructure.Auditing;
using Osaamismerkit.Infrastructure.Http;
using Osaamismerkit.Resources;

namespace Osaamismerkit.Issuing;

/// <summary>Revocation marks an assertion; it never deletes it. The revocation list is read from the same rows.</summary>
public static class Revocations
{
    public const int MaxReasonLength = 500;

    /// <summary>
    /// What is wrong with a revocation reason, for the API and the staff page alike. The reason is published on the
    /// public badge page and in the revocation list, so it must not carry a personal identity code.
    /// </summary>
    public static void CheckReason(string? reason, FieldErrors errors, IStringLocalizer<Messages> text)
    {
        if (string.IsNullOrEmpty(reason))
        {
            errors.Add("reason", text["ReasonRequired"]);
        }
        else if (reason.Length > MaxReasonLength)
        {
            errors.Add("reason", text["ReasonTooLong", MaxReasonLength]);
        }
        else if (PersonalIdentityCode.AppearsIn(reason))
        {
            errors.Add("reason", text["PersonalIdentityCodeNotAllowed"]);
        }
    }

    public static async Task<bool> RevokeAsync(
        DbTransaction transaction, AuditLog audit, Actor actor, string assertionId, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var revoked = await AssertionQueries.RevokeAsync(transaction, assertionId, reason, actor.Id, now, cancellationToken);
        if (revoked)
        {
            await audit.AppendAsync(transaction, actor, new AuditEntry("assertion.revoked", "assertion", assertionId), cancellationToken);
        }

        return revoked;
    }
}
