namespace Osaamismerkit.Infrastructure.Database;

/// <summary>
/// The few places where SQLite and SQL Server disagree. Everything else is the same SQL text.
/// </summary>
public sealed record SqlDialect(DatabaseProvider Provider, string LimitFormat, string MonthOfFormat)
{
    public static readonly SqlDialect Sqlite = new(
        DatabaseProvider.Sqlite,
        LimitFormat: "LIMIT {0}",
        MonthOfFormat: "substr({0}, 1, 7)");

    public static readonly SqlDialect SqlServer = new(
        DatabaseProvider.SqlServer,
        LimitFormat: "OFFSET 0 ROWS FETCH NEXT {0} ROWS ONLY",
        MonthOfFormat: "FORMAT({0}, 'yyyy-MM')");

    public static SqlDialect For(DatabaseProvider provider) =>
        provider == DatabaseProvider.SqlServer ? SqlServer : Sqlite;

    /// <summary>A row limit after ORDER BY (SQL Server needs ORDER BY for OFFSET/FETCH).</summary>
    public string Limit(string parameterOrNumber) => string.Format(System.Globalization.CultureInfo.InvariantCulture, LimitFormat, parameterOrNumber);

    /// <summary>'yyyy-MM' of a timestamp column.</summary>
    public string MonthOf(string column) => string.Format(System.Globalization.CultureInfo.InvariantCulture, MonthOfFormat, column);
}
