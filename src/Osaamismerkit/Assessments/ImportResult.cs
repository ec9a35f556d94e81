namespace Osaamismerkit.Assessments;

/// <summary>Every row's result, how the file was read (separator, encoding), and how many rows ended each way.</summary>
public sealed record ImportResult(
    bool DryRun, string Separator, string Encoding, IReadOnlyList<ImportRowResult> Rows, int Issued, int Progress, int Refused, int Invalid);
