using System.Text.Json;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Osaamismerkit.Catalogue;

/// <summary>
/// Reads every definition file, checks it against the JSON Schema and then the rules a schema cannot
/// express (file name = id, unique ids, known competences, prerequisites and parts that exist, no cycles).
/// Collects every error before failing, so one start-up attempt shows all that is wrong.
/// </summary>
public static class CatalogueLoader
{
    public const string FrameworkFile = "frameworks/digcomp-2.2.json";

    public const string Framework3File = "frameworks/digcomp-3.0.json";

    public const string EquivalencesFile = "equivalences/tieke-digitaidot.json";

    public static BadgeCatalogue Load(string definitionsFolder, string schemaPath)
    {
        var errors = new List<CatalogueError>();
        // Start-up is single-threaded with no synchronisation context, so blocking here is safe.
        var schema = JsonSchema.FromFileAsync(schemaPath).GetAwaiter().GetResult();
        var framework = LoadFramework(Path.Combine(definitionsFolder, FrameworkFile), errors);
        var framework3 = LoadFramework3(Path.Combine(definitionsFolder, Framework3File), errors);
        var equivalences = LoadEquivalences(Path.Combine(definitionsFolder, EquivalencesFile), errors);

        var badges = new List<(string File, BadgeDefinition Badge)>();
        var rejected = new HashSet<string>(StringComparer.Ordinal);
        var files = Directory.Exists(definitionsFolder)
            ? Directory.GetFiles(definitionsFolder, "*.json").Order(StringComparer.Ordinal).ToList()
            : [];
        if (files.Count == 0)
        {
            errors.Add(new CatalogueError(definitionsFolder, "$", "no badge definition files (*.json) found"));
        }

        foreach (var path in files)
        {
            var badge = LoadDefinition(path, schema, errors);
            if (badge is not null)
            {
                badges.Add((Path.GetFileName(path), badge));
            }
            else
            {
                rejected.Add(Path.GetFileNameWithoutExtension(path));
            }
        }

        if (framework is not null && framework3 is not null)
        {
            CatalogueRules.Check(badges, rejected, framework, framework3, errors);
        }

        if (equivalences is not null)
        {
            EquivalenceRules.Check(EquivalencesFile, equivalences, badges.Select(b => b.Badge.Id).Concat(rejected).ToHashSet(StringComparer.Ordinal), errors);
        }

        if (errors.Count > 0)
        {
            throw new CatalogueValidationException(errors);
        }

        return new BadgeCatalogue(framework!, framework3!, badges.Select(b => b.Badge), equivalences);
    }

    private static BadgeDefinition? LoadDefinition(string path, JsonSchema schema, List<CatalogueError> errors)
    {
        var file = Path.GetFileName(path);
        var text = File.ReadAllText(path);
        ICollection<ValidationError> schemaErrors;
        try
        {
            schemaErrors = schema.Validate(text);
        }
        catch (Newtonsoft.Json.JsonException e)
        {
            errors.Add(new CatalogueError(file, "$", "not valid JSON: " + e.Message));
            return null;
        }

        if (schemaErrors.Count > 0)
        {
            errors.AddRange(Flatten(schemaErrors).Select(e => new CatalogueError(file, JsonPathOf(e), Describe(e))));
            return null;
        }

        var badge = JsonSerializer.Deserialize<BadgeDefinition>(text, CatalogueJson.Options)!;
        var expected = Path.GetFileNameWithoutExtension(path);
        if (!string.Equals(badge.Id, expected, StringComparison.Ordinal))
        {
            // Still returned, so that a copied file is also reported as a duplicate of its original.
            errors.Add(new CatalogueError(file, "$.id", $"id '{badge.Id}' does not match the file name '{expected}'"));
        }

        return badge;
    }

    private static DigCompFramework? LoadFramework(string path, List<CatalogueError> errors)
    {
        try
        {
            var framework = JsonSerializer.Deserialize<DigCompFramework>(File.ReadAllText(path), CatalogueJson.Options);
            if (framework is null || framework.Areas.Count != 5 || framework.Areas.Sum(a => a.Competences.Count) != 21)
            {
                errors.Add(new CatalogueError(FrameworkFile, "$.areas", "DigComp 2.2 has 5 areas and 21 competences"));
                return null;
            }

            return framework;
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            errors.Add(new CatalogueError(FrameworkFile, "$", e.Message));
            return null;
        }
    }

    private static DigComp3Framework? LoadFramework3(string path, List<CatalogueError> errors)
    {
        try
        {
            var framework = JsonSerializer.Deserialize<DigComp3Framework>(File.ReadAllText(path), CatalogueJson.Options);
            if (framework is null || framework.Areas.Count != 5 || framework.Areas.Sum(a => a.Competences.Count) != 21)
            {
                errors.Add(new CatalogueError(Framework3File, "$.areas", "DigComp 3.0 has 5 areas and 21 competences"));
                return null;
            }

            var keys = framework.ProficiencyLevels.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
            if (keys.Count != 4 || framework.EightLevels.Select(l => l.Level).Order().SequenceEqual(Enumerable.Range(1, 8)) is false
                || framework.EightLevels.Any(l => !keys.Contains(l.Proficiency)))
            {
                errors.Add(new CatalogueError(Framework3File, "$.proficiencyLevels", "DigComp 3.0 has four proficiency levels and maps levels 1-8 onto them"));
                return null;
            }

            foreach (var competence in framework.Areas.SelectMany(a => a.Competences))
            {
                // A learning outcome's code carries its competence (LO1.1.05 belongs to 1.1); a mistyped code shows here.
                var wrong = competence.LearningOutcomes.FirstOrDefault(o => !o.Code.StartsWith($"LO{competence.Code}.", StringComparison.Ordinal) || !keys.Contains(o.Proficiency));
                if (wrong is not null)
                {
                    errors.Add(new CatalogueError(Framework3File, "$.areas", $"learning outcome '{wrong.Code}' does not belong to competence {competence.Code} or has an unknown proficiency"));
                    return null;
                }
            }

            return framework;
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            errors.Add(new CatalogueError(Framework3File, "$", e.Message));
            return null;
        }
    }

    /// <summary>Optional: a catalogue copied without the table still loads (the tests' minimal catalogues do).</summary>
    private static EquivalenceTable? LoadEquivalences(string path, List<CatalogueError> errors)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<EquivalenceTable>(File.ReadAllText(path), CatalogueJson.Options);
        }
        catch (JsonException e)
        {
            errors.Add(new CatalogueError(EquivalencesFile, "$", e.Message));
            return null;
        }
    }

    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            if (error is ChildSchemaValidationError child && child.Errors.Count > 0)
            {
                foreach (var nested in Flatten(child.Errors.SelectMany(e => e.Value)))
                {
                    yield return nested;
                }
            }
            else
            {
                yield return error;
            }
        }
    }

    private static string JsonPathOf(ValidationError error)
    {
        var path = error.Path ?? "#";
        return "$" + path.TrimStart('#').Replace('/', '.').Replace("..", ".", StringComparison.Ordinal).TrimEnd('.');
    }

    private static string Describe(ValidationError error) => error.Kind switch
    {
        ValidationErrorKind.PropertyRequired => $"required property '{error.Property}' is missing",
        ValidationErrorKind.NoAdditionalPropertiesAllowed => $"unknown property '{error.Property}'",
        ValidationErrorKind.NotInEnumeration => "value is not one of the allowed values",
        ValidationErrorKind.PatternMismatch => "value does not match the required pattern",
        ValidationErrorKind.StringTooShort => "text is empty",
        ValidationErrorKind.NotOneOf => "must be either a skill badge (with skill) or a milestone (with parts)",
        _ => error.Kind.ToString(),
    };
}
