namespace Osaamismerkit.Assessments;

/// <summary>One error of an imported row: the file's row number (the header is row 1), the column's heading, and what is wrong.</summary>
public sealed record ImportCellError(int Row, string Column, string Message);
