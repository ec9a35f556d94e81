namespace Osaamismerkit.Assessments;

/// <summary>
/// One row of an import: issued, progress, refused or invalid — in a dry run, what would happen. Errors name the row and
/// column; a refusal has a title and detail; a recorded row has the assessment (empty id in a dry run).
/// </summary>
public sealed record ImportRowResult(
    int Row, string? ClientId, string Status, IReadOnlyList<ImportCellError> Errors, AssessmentResult? Assessment = null, string? Title = null, string? Detail = null);
