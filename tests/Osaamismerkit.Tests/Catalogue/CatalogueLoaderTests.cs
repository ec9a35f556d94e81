using System.Text.Json.Nodes;
using Osaamismerkit.Catalogue;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Catalogue;

public sealed class CatalogueLoaderTests
{
    private string _folder = null!;

    [SetUp]
    public void CopyCatalogue() => _folder = CatalogueFiles.CopyToTemp();

    [TearDown]
    public void RemoveCopy() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void The_real_catalogue_loads_through_the_schema_and_the_rules()
    {
        var files = Directory.GetFiles(CatalogueFiles.DefinitionsFolder, "*.json");
        var catalogue = CatalogueLoader.Load(CatalogueFiles.DefinitionsFolder, CatalogueFiles.SchemaPath);
        Assert.That(catalogue.Badges, Has.Count.EqualTo(files.Length));
    }

    [Test]
    public void A_missing_swedish_name_is_rejected_with_file_path_and_reason()
    {
        var id = FirstSkillBadgeId();
        CatalogueFiles.Edit(_folder, id, json => json["name"]!.AsObject().Remove("sv"));

        var error = SingleError();

        Assert.That(error.File, Is.EqualTo(id + ".json"));
        Assert.That(error.JsonPath, Is.EqualTo("$.name.sv"));
        Assert.That(error.Reason, Does.Contain("required property 'sv' is missing"));
    }

    [Test]
    public void An_unknown_digcomp_competence_is_rejected()
    {
        var id = FirstSkillBadgeId();
        CatalogueFiles.Edit(_folder, id, json => json["alignment"]![0]!["competence"] = "6.1");

        var error = SingleError();

        Assert.That(error.File, Is.EqualTo(id + ".json"));
        Assert.That(error.JsonPath, Is.EqualTo("$.alignment[0].competence"));
        Assert.That(error.Reason, Does.Contain("not one of the allowed values"));
    }

    [Test]
    public void A_prerequisite_cycle_is_rejected_naming_the_cycle()
    {
        var catalogue = CatalogueLoader.Load(_folder, CatalogueFiles.SchemaPath);
        var upper = catalogue.Badges.First(b => b.PrerequisiteIds.Count > 0);
        var lower = upper.PrerequisiteIds[0];
        CatalogueFiles.Edit(_folder, lower, json => json["prerequisites"] = new JsonArray(upper.Id));

        var error = SingleError();

        Assert.That(error.JsonPath, Is.EqualTo("$.prerequisites"));
        Assert.That(error.Reason, Does.Contain("prerequisite cycle"));
        Assert.That(error.Reason, Does.Contain(upper.Id).And.Contain(lower));
    }

    [Test]
    public void A_duplicate_id_is_rejected_naming_both_files()
    {
        var id = FirstSkillBadgeId();
        File.Copy(Path.Combine(_folder, id + ".json"), Path.Combine(_folder, "zz-copy.json"));

        var errors = Errors();

        Assert.That(errors, Has.Some.Matches<CatalogueError>(e =>
            e.File == "zz-copy.json" && e.JsonPath == "$.id" && e.Reason.Contains($"duplicate id '{id}' (also in {id}.json)", StringComparison.Ordinal)));
    }

    [Test]
    public void An_unknown_prerequisite_is_rejected()
    {
        var id = FirstSkillBadgeId();
        CatalogueFiles.Edit(_folder, id, json => json["prerequisites"] = new JsonArray("no-such-badge"));

        var error = SingleError();

        Assert.That(error.JsonPath, Is.EqualTo("$.prerequisites[0]"));
        Assert.That(error.Reason, Does.Contain("unknown badge 'no-such-badge'"));
    }

    [Test]
    public void Broken_json_is_rejected_with_the_file_name()
    {
        var id = FirstSkillBadgeId();
        File.WriteAllText(Path.Combine(_folder, id + ".json"), "{ \"id\": ");

        var error = SingleError();

        Assert.That(error.File, Is.EqualTo(id + ".json"));
        Assert.That(error.Reason, Does.StartWith("not valid JSON"));
    }

    [Test]
    public void Every_error_is_reported_at_once()
    {
        var ids = Directory.GetFiles(_folder, "*.json").Select(Path.GetFileNameWithoutExtension).Take(2).ToList();
        foreach (var id in ids)
        {
            CatalogueFiles.Edit(_folder, id!, json => json.Remove("version"));
        }

        Assert.That(Errors().Select(e => e.File), Is.EquivalentTo(ids.Select(i => i + ".json")));
    }

    private string FirstSkillBadgeId() =>
        CatalogueLoader.Load(_folder, CatalogueFiles.SchemaPath).Badges.First(b => b.Kind == BadgeKind.Skill).Id;

    private List<CatalogueError> Errors()
    {
        var exception = Assert.Throws<CatalogueValidationException>(() => CatalogueLoader.Load(_folder, CatalogueFiles.SchemaPath));
        return exception!.Errors.ToList();
    }

    private CatalogueError SingleError()
    {
        var errors = Errors();
        Assert.That(errors, Has.Count.EqualTo(1), string.Join(Environment.NewLine, errors));
        return errors[0];
    }
}
