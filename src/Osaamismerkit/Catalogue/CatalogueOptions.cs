using System.ComponentModel.DataAnnotations;

namespace Osaamismerkit.Catalogue;

public sealed class CatalogueOptions
{
    public const string Section = "Catalogue";

    /// <summary>Folder of badge definition files; relative paths are under the application's base directory.</summary>
    [Required(ErrorMessage = "Catalogue:DefinitionsPath must name the folder of badge definition files.")]
    public string DefinitionsPath { get; set; } = "badge-definitions";

    [Required(ErrorMessage = "Catalogue:SchemaPath must name the badge definition JSON schema file.")]
    public string SchemaPath { get; set; } = "schemas/badge-definition.schema.json";
}
