namespace Osaamismerkit.Catalogue;

/// <summary>A reason a definition file was rejected: which file, where in it, and why.</summary>
public sealed record CatalogueError(string File, string JsonPath, string Reason)
{
    public override string ToString() => $"{File} {JsonPath}: {Reason}";
}
