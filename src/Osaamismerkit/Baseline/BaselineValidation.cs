using System.Globalization;
using Microsoft.Extensions.Localization;
using Osaamismerkit.Assessments;
using Osaamismerkit.Infrastructure.Http;
using Osaamismerkit.Resources;

namespace Osaamismerkit.Baseline;

/// <summary>Field-by-field checks of a baseline; every area 1–5 exactly once.</summary>
internal static class BaselineValidation
{
    public static ValidBaseline? Validate(
        BaselineRequest request, DateOnly today, IStringLocalizer<Messages> messages, IStringLocalizer<ReportTexts> texts, FieldErrors errors)
    {
        if (!DateOnly.TryParseExact(request.AssessedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add("assessedOn", messages["DateInvalid"]);
        }
        else if (date > today || date < today.AddYears(-1))
        {
            errors.Add("assessedOn", messages["DateOutOfRange"]);
        }

        if (string.IsNullOrWhiteSpace(request.UnitId))
        {
            errors.Add("unitId", messages["UnitRequired"]);
        }

        if (request.Phase is null || !BaselinePhases.All.Contains(request.Phase))
        {
            errors.Add("phase", texts["PhaseInvalid"]);
        }

        if (request.DeliveryMode is null || !DeliveryModes.All.Contains(request.DeliveryMode))
        {
            errors.Add("deliveryMode", messages["DeliveryModeInvalid"]);
        }

        var levels = new int[BaselineAreas.Count];
        var selves = new int?[BaselineAreas.Count];
        var seen = new HashSet<int>();
        var areas = request.Areas ?? [];
        for (var i = 0; i < areas.Count; i++)
        {
            var given = areas[i];
            if (given?.Area is not { } area || !BaselineAreas.Numbers.Contains(area))
            {
                errors.Add($"areas[{i}].area", texts["AreaUnknown"]);
                continue;
            }

            if (!seen.Add(area))
            {
                errors.Add($"areas[{i}].area", texts["AreaTwice", area]);
                continue;
            }

            if (!BaselineAreas.IsLevel(given.Level))
            {
                errors.Add($"areas[{i}].level", texts["LevelInvalid"]);
            }
            else
            {
                levels[area - 1] = given.Level!.Value;
            }

            if (given.SelfAssessment is not null && !BaselineAreas.IsLevel(given.SelfAssessment))
            {
                errors.Add($"areas[{i}].selfAssessment", texts["SelfAssessmentInvalid"]);
            }
            else
            {
                selves[area - 1] = given.SelfAssessment;
            }
        }

        foreach (var missing in BaselineAreas.Numbers.Where(a => !seen.Contains(a) && areas.All(g => g?.Area != a)))
        {
            errors.Add("areas", texts["AreaMissing", missing]);
        }

        return errors.Any ? null : new ValidBaseline(date, request.UnitId!, request.Phase!, request.DeliveryMode!, levels, selves);
    }
}
