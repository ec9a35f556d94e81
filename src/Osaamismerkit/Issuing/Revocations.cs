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
    public const int MaxNoteLength = 500;

    /// <summary>
    /// Checks a revocation reason for the API and the staff page alike. The reason is published (public badge page,
    /// revocation list), so it is a code from <see cref="RevocationReasons"/>; the internal note is stored, never published.
    /// A free text where the code should be is taken as "other" with the text as the note, as the migration did with
    /// stored reasons (0010), so that older callers keep working and publish nothing they typed.
    /// </summary>
    public static ValidRevocation? Check(string? reason, string? internalNote, FieldErrors errors, IStringLocalizer<Messages> text)
    {
        reason = reason?.Trim();
        var note = string.IsNullOrWhiteSpace(internalNote) ? null : internalNote.Trim();
        var noteField = "internalNote";
        if (string.IsNullOrEmpty(reason))
        {
            errors.Add("reason", text["ReasonRequired"]);
            return null;
        }

        if (!RevocationReasons.IsCode(reason))
        {
            if (note is not null)
            {
                errors.Add("reason", text["ReasonUnknown", string.Join(", ", RevocationReasons.All)]);
                return null;
            }

            (reason, note) = (RevocationReasons.Other, reason);
            noteField = "reason";
        }

        // A free-text reason (the API before the list) is kept as the note, but its errors belong to the field the caller sent.
        if (note is { Length: > MaxNoteLength })
        {
            errors.Add(noteField, text["ReasonTooLong", MaxNoteLength]);
        }
        else
        {
            PersonalDataCheck.CheckStored(noteField, note, errors, text);
        }

        return errors.Any ? null : new ValidRevocation(reason, note);
    }

    public static async Task<bool> RevokeAsync(
        DbTransaction transaction, AuditLog audit, Actor actor, string assertionId, string reason, DateTimeOffset now, CancellationToken cancellationToken,
        string? internalNote = null)
    {
        var revoked = await AssertionQueries.RevokeAsync(transaction, assertionId, reason, internalNote, actor.Id, now, cancellationToken);
        if (revoked)
        {
            await audit.AppendAsync(transaction, actor, new AuditEntry("assertion.revoked", "assertion", assertionId), cancellationToken);
        }

        return revoked;
    }
}
