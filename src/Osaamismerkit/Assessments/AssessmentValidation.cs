using System.Globalization;
using Microsoft.Extensions.Localization;
using Osaamismerkit.Catalogue;
using Osaamismerkit.Clients;
using Osaamismerkit.Infrastructure.Http;
using Osaamismerkit.Resources;

namespace Osaamismerkit.Assessments;

/// <summary>Field-by-field checks of an assessment against its badge definition.</summary>
public static class AssessmentValidation
{
    public const int MaxEvidenceLength = 2000;

    public const int MaxInternalNoteLength = 2000;

    public static ValidAssessment? Validate(
        AssessmentRequest request, Catalogue.BadgeCatalogue catalogue, DateOnly today, IStringLocalizer<Messages> text, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(request.ClientId))
        {
            errors.Add("clientId", text["ClientRequired"]);
        }

        if (string.IsNullOrWhiteSpace(request.UnitId))
        {
            errors.Add("unitId", text["UnitRequired"]);
        }

        var badge = string.IsNullOrWhiteSpace(request.BadgeId) ? null : catalogue.Find(request.BadgeId);
        if (badge is null)
        {
            errors.Add("badgeId", text["BadgeNotFound", request.BadgeId ?? string.Empty]);
        }
        else if (badge.Kind == BadgeKind.Milestone)
        {
            errors.Add("badgeId", text["MilestoneNotAssessed"]);
        }
        else if (request.BadgeVersion is not null && request.BadgeVersion != badge.Version)
        {
            errors.Add("badgeVersion", text["BadgeVersionOutdated", badge.Version]);
        }

        if (!DateOnly.TryParseExact(request.DemonstratedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add("demonstratedOn", text["DateInvalid"]);
        }
        else if (date > today || date < today.AddYears(-1))
        {
            errors.Add("demonstratedOn", text["DateOutOfRange"]);
        }

        if (request.DeliveryMode is null || !DeliveryModes.All.Contains(request.DeliveryMode))
        {
            errors.Add("deliveryMode", text["DeliveryModeInvalid"]);
        }

        // evidenceNote is the statement's former name: a caller that still sends it is answered on the field it sent.
        var statementField = request.Statement is null && request.EvidenceNote is not null ? "evidenceNote" : "statement";
        var statement = (request.Statement ?? request.EvidenceNote)?.Trim();
        if (string.IsNullOrEmpty(statement))
        {
            errors.Add(statementField, text["EvidenceRequired"]);
        }
        else if (statement.Length > MaxEvidenceLength)
        {
            errors.Add(statementField, text["EvidenceTooLong", MaxEvidenceLength]);
        }
        else
        {
            PersonalDataCheck.CheckPublished(statementField, statement, errors, text);
        }

        var internalNote = request.InternalNote?.Trim();
        if (internalNote is { Length: > MaxInternalNoteLength })
        {
            errors.Add("internalNote", text["InternalNoteTooLong", MaxInternalNoteLength]);
        }
        else
        {
            PersonalDataCheck.CheckStored("internalNote", internalNote, errors, text);
        }

        var results = badge is null ? [] : CriteriaResults(request, badge, text, errors);
        return errors.Any ? null : new ValidAssessment(badge!, date, results, statement!, string.IsNullOrEmpty(internalNote) ? null : internalNote);
    }

    private static Dictionary<string, bool> CriteriaResults(AssessmentRequest request, BadgeDefinition badge, IStringLocalizer<Messages> text, FieldErrors errors)
    {
        var results = new Dictionary<string, bool>(StringComparer.Ordinal);
        var given = request.Criteria ?? [];
        for (var i = 0; i < given.Count; i++)
        {
            var c = given[i];
            if (c?.Id is null || badge.Criteria.All(b => b.Id != c.Id))
            {
                errors.Add($"criteria[{i}].id", text["CriterionUnknown", c?.Id ?? string.Empty]);
            }
            else if (c.Met is null)
            {
                errors.Add($"criteria[{i}].met", text["CriterionMetRequired"]);
            }
            else if (!results.TryAdd(c.Id, c.Met.Value))
            {
                errors.Add($"criteria[{i}].id", text["CriterionTwice", c.Id]);
            }
        }

        foreach (var missing in badge.Criteria.Where(b => !results.ContainsKey(b.Id) && given.All(g => g?.Id != b.Id)))
        {
            errors.Add("criteria", text["CriterionMissing", missing.Id]);
        }

        return results;
    }
}
