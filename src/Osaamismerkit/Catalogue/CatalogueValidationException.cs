namespace Osaamismerkit.Catalogue;

public sealed class CatalogueValidationException(IReadOnlyList<CatalogueError> errors)
    : Exception("The badge catalogue is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  " + e)))
{
    public IReadOnlyList<CatalogueError> Errors { get; } = errors;
}
