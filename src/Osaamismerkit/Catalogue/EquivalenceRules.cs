namespace Osaamismerkit.Catalogue;

/// <summary>The equivalence table names every badge of ours exactly once, and only levels, badges and relations it defines.</summary>
internal static class EquivalenceRules
{
    public static void Check(string file, EquivalenceTable table, IReadOnlySet<string> badgeIds, List<CatalogueError> errors)
    {
        var levels = table.Levels.Select(l => l.Code).ToHashSet(StringComparer.Ordinal);
        var theirs = table.Badges.ToDictionary(b => b.Code, b => b.Level, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < table.Equivalences.Count; i++)
        {
            var row = table.Equivalences[i];
            var path = $"$.equivalences[{i}]";
            if (!badgeIds.Contains(row.Badge))
            {
                errors.Add(new CatalogueError(file, path + ".badge", $"unknown badge '{row.Badge}'"));
            }
            else if (!seen.Add(row.Badge))
            {
                errors.Add(new CatalogueError(file, path + ".badge", $"badge '{row.Badge}' is listed twice"));
            }

            if (!table.Relations.ContainsKey(row.Relation))
            {
                errors.Add(new CatalogueError(file, path + ".relation", $"unknown relation '{row.Relation}'"));
            }

            if ((row.TiekeLevel is null) != (row.Relation == "none") || (row.TiekeLevel is not null && !levels.Contains(row.TiekeLevel)))
            {
                errors.Add(new CatalogueError(file, path + ".tiekeLevel", "a known level is required unless the relation is 'none'"));
            }

            if (row.TiekeBadge is not null && (!theirs.TryGetValue(row.TiekeBadge, out var level) || level != row.TiekeLevel))
            {
                errors.Add(new CatalogueError(file, path + ".tiekeBadge", $"'{row.TiekeBadge}' is not a badge of level '{row.TiekeLevel}'"));
            }
        }

        foreach (var missing in badgeIds.Where(id => !seen.Contains(id)).Order(StringComparer.Ordinal))
        {
            errors.Add(new CatalogueError(file, "$.equivalences", $"badge '{missing}' has no row"));
        }
    }
}
