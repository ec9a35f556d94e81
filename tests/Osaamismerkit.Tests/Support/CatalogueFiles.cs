using System.Text.Json.Nodes;

namespace Osaamismerkit.Tests.Support;

/// <summary>The real catalogue files as copied next to the tests, and temp copies to break on purpose.</summary>
public static class CatalogueFiles
{
    public static string DefinitionsFolder => Path.Combine(AppContext.BaseDirectory, "badge-definitions");

    public static string SchemaPath => Path.Combine(AppContext.BaseDirectory, "schemas", "badge-definition.schema.json");

    public static string CopyToTemp()
    {
        var target = Directory.CreateTempSubdirectory("osaamismerkit-catalogue-").FullName;
        foreach (var file in Directory.GetFiles(DefinitionsFolder, "*.json", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(DefinitionsFolder, file);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(target, relative))!);
            File.Copy(file, Path.Combine(target, relative));
        }

        return target;
    }

    public static void Edit(string folder, string badgeId, Action<JsonObject> change)
    {
        var path = Path.Combine(folder, badgeId + ".json");
        var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        change(json);
        File.WriteAllText(path, json.ToJsonString());
    }
}
