namespace Osaamismerkit.Catalogue;

public sealed class CatalogueOptions
{
    public const string Section = "Catalogue";

    /// <summary>Folder of badge definition files; relative paths are under the application's base directory.</summary>
    public string DefinitionsPath { get; set; } = "badge-definitions";

    public string SchemaPath { get; set; } = "schemas/badge-definition.schema.json";
}
