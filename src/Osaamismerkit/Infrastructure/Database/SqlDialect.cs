namespace Osaamismerkit.Infrastructure.Database;

/// <summary>
/// The few places where SQLite and SQL Server disagree. Everything else is the same SQL text.
/// </summary>
public sealed record SqlDialect(DatabaseProvider Provider, string LimitFormat, string MonthOfFormat, string YearOfFormat, string QuarterOfFormat)
{
    public static readonly SqlDialect Sqlite = new(
        DatabaseProvider.Sqlite,
        LimitFormat: "LIMIT {0}",
        MonthOfFormat: "substr({0}, 1, 7)",
        YearOfFormat: "substr({0}, 1, 4)",
        QuarterOfFormat: "(substr({0}, 1, 4) || '-Q' || ((CAST(substr({0}, 6, 2) AS INTEGER) + 2) / 3))");

    public static readonly SqlDialect SqlServer = new(
        DatabaseProvider.SqlServer,
        LimitFormat: "OFFSET 0 ROWS FETCH NEXT {0} ROWS ONLY",
        // Not FORMAT(): it runs through the CLR once per row, many times slower than CONVERT over a report's million
        // rows. Style 126 is ISO 8601, whose first seven characters are yyyy-MM.
        MonthOfFormat: "CONVERT(CHAR(7), {0}, 126)",
        YearOfFormat: "CAST(YEAR({0}) AS NVARCHAR(4))",
        QuarterOfFormat: "CONCAT(YEAR({0}), '-Q', DATEPART(QUARTER, {0}))");

    public static SqlDialect For(DatabaseProvider provider) =>
        provider == DatabaseProvider.SqlServer ? SqlServer : Sqlite;

    /// <summary>A row limit after ORDER BY (SQL Server needs ORDER BY for OFFSET/FETCH).</summary>
    public string Limit(string parameterOrNumber) => string.Format(System.Globalization.CultureInfo.InvariantCulture, LimitFormat, parameterOrNumber);

    /// <summary>'yyyy-MM' of a timestamp column.</summary>
    public string MonthOf(string column) => string.Format(System.Globalization.CultureInfo.InvariantCulture, MonthOfFormat, column);

    /// <summary>'yyyy' of a date or timestamp column.</summary>
    public string YearOf(string column) => string.Format(System.Globalization.CultureInfo.InvariantCulture, YearOfFormat, column);

    /// <summary>'yyyy-Qn' of a date or timestamp column.</summary>
    public string QuarterOf(string column) => string.Format(System.Globalization.CultureInfo.InvariantCulture, QuarterOfFormat, column);
}
