namespace Osaamismerkit.Catalogue;

/// <summary>Cross-file rules that JSON Schema cannot express.</summary>
internal static class CatalogueRules
{
    /// <param name="rejected">Ids of files already reported as invalid: references to them are not reported again.</param>
    public static void Check(
        IReadOnlyList<(string File, BadgeDefinition Badge)> badges, IReadOnlySet<string> rejected, DigCompFramework framework,
        DigComp3Framework framework3, List<CatalogueError> errors)
    {
        var byId = new Dictionary<string, (string File, BadgeDefinition Badge)>(StringComparer.Ordinal);
        foreach (var entry in badges)
        {
            if (!byId.TryAdd(entry.Badge.Id, entry))
            {
                errors.Add(new CatalogueError(entry.File, "$.id", $"duplicate id '{entry.Badge.Id}' (also in {byId[entry.Badge.Id].File})"));
            }
        }

        foreach (var (file, badge) in badges)
        {
            for (var i = 0; i < badge.Alignment.Count; i++)
            {
                if (framework.FindCompetence(badge.Alignment[i].Competence) is null)
                {
                    errors.Add(new CatalogueError(file, $"$.alignment[{i}].competence", $"unknown DigComp 2.2 competence '{badge.Alignment[i].Competence}'"));
                }
            }

            CheckDigComp3(file, badge, framework3, errors);
            CheckReferences(file, "prerequisites", badge.PrerequisiteIds, badge, byId, rejected, errors);
            CheckReferences(file, "parts", badge.PartIds, badge, byId, rejected, errors);

            var criterionIds = badge.Criteria.Select(c => c.Id).ToList();
            if (criterionIds.Distinct(StringComparer.Ordinal).Count() != criterionIds.Count)
            {
                errors.Add(new CatalogueError(file, "$.criteria", "criterion ids must be unique within the badge"));
            }

            if (!badge.Criteria.Any(c => c.Required))
            {
                errors.Add(new CatalogueError(file, "$.criteria", "at least one criterion must be required"));
            }
        }

        foreach (var cycle in FindCycles(byId))
        {
            errors.Add(new CatalogueError(byId[cycle[0]].File, "$.prerequisites", "prerequisite cycle: " + string.Join(" -> ", cycle)));
        }
    }

    /// <summary>
    /// Every DigComp 3.0 competence and learning outcome a badge cites exists, and no outcome lies above the badge's own
    /// proficiency (a level-2 badge cannot claim an intermediate outcome).
    /// </summary>
    private static void CheckDigComp3(string file, BadgeDefinition badge, DigComp3Framework framework, List<CatalogueError> errors)
    {
        var proficiency = framework.ProficiencyOf(badge.Level);
        if (badge.DigComp3.Count == 0)
        {
            errors.Add(new CatalogueError(file, "$.digComp3Alignment", "no DigComp 3.0 alignment"));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < badge.DigComp3.Count; i++)
        {
            var reference = badge.DigComp3[i];
            var competence = framework.FindCompetence(reference.Competence);
            if (competence is null)
            {
                errors.Add(new CatalogueError(file, $"$.digComp3Alignment[{i}].competence", $"unknown DigComp 3.0 competence '{reference.Competence}'"));
                continue;
            }

            if (!seen.Add(reference.Competence))
            {
                errors.Add(new CatalogueError(file, $"$.digComp3Alignment[{i}].competence", $"competence {reference.Competence} is listed twice"));
            }

            for (var j = 0; j < reference.LearningOutcomes.Count; j++)
            {
                var code = reference.LearningOutcomes[j];
                var outcome = competence.FindLearningOutcome(code);
                if (outcome is null)
                {
                    errors.Add(new CatalogueError(file, $"$.digComp3Alignment[{i}].learningOutcomes[{j}]", $"'{code}' is not a learning outcome of DigComp 3.0 competence {competence.Code}"));
                }
                else if (proficiency is not null && framework.RankOf(outcome.Proficiency) > framework.RankOf(proficiency.Key))
                {
                    errors.Add(new CatalogueError(file, $"$.digComp3Alignment[{i}].learningOutcomes[{j}]", $"'{code}' is a {outcome.Proficiency} outcome, above this level-{badge.Level} badge ({proficiency.Key})"));
                }
            }
        }
    }

    private static void CheckReferences(
        string file, string property, IReadOnlyList<string> ids, BadgeDefinition badge,
        Dictionary<string, (string File, BadgeDefinition Badge)> byId, IReadOnlySet<string> rejected, List<CatalogueError> errors)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if (ids[i] == badge.Id)
            {
                errors.Add(new CatalogueError(file, $"$.{property}[{i}]", $"badge '{badge.Id}' refers to itself"));
            }
            else if (!byId.ContainsKey(ids[i]) && !rejected.Contains(ids[i]))
            {
                errors.Add(new CatalogueError(file, $"$.{property}[{i}]", $"unknown badge '{ids[i]}'"));
            }
        }
    }

    /// <summary>Depth-first search over prerequisite and part edges; each cycle reported once.</summary>
    private static List<List<string>> FindCycles(Dictionary<string, (string File, BadgeDefinition Badge)> byId)
    {
        var cycles = new List<List<string>>();
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new List<string>();

        void Visit(string id)
        {
            state[id] = 1;
            stack.Add(id);
            var badge = byId[id].Badge;
            foreach (var next in badge.PrerequisiteIds.Concat(badge.PartIds).Where(byId.ContainsKey))
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    var start = stack.IndexOf(next);
                    cycles.Add([.. stack[start..], next]);
                }
                else if (state.GetValueOrDefault(next) == 0)
                {
                    Visit(next);
                }
            }

            stack.RemoveAt(stack.Count - 1);
            state[id] = 2;
        }

        foreach (var id in byId.Keys.Order(StringComparer.Ordinal))
        {
            if (state.GetValueOrDefault(id) == 0)
            {
                Visit(id);
            }
        }

        return cycles;
    }
}
