using System.Text.RegularExpressions;
using Osaamismerkit.Infrastructure.Database;

namespace Osaamismerkit.Tests.Support.SqlCapture;

/// <summary>
/// What SQL Server would have been sent for a statement the service ran on SQLite. The service's SQL is one text for
/// both providers except where <see cref="SqlDialect"/> renders a fragment: each SQLite fragment is put back as its SQL
/// Server form, found by the dialect's own formats, so a fragment added to the dialect is translated without a change here.
/// </summary>
public static class SqlServerText
{
    private static readonly (Regex Sqlite, string SqlServer)[] Fragments =
    [
        .. new (string Sqlite, string SqlServer)[]
        {
            (SqlDialect.Sqlite.QuarterOfFormat, SqlDialect.SqlServer.QuarterOfFormat),
            (SqlDialect.Sqlite.MonthOfFormat, SqlDialect.SqlServer.MonthOfFormat),
            (SqlDialect.Sqlite.YearOfFormat, SqlDialect.SqlServer.YearOfFormat),
            (SqlDialect.Sqlite.LimitFormat, SqlDialect.SqlServer.LimitFormat),
        }
        .OrderByDescending(f => f.Sqlite.Length)
        .Select(f => (Pattern(f.Sqlite), f.SqlServer)),
    ];

    private static readonly string[] DriverStatements = ["BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE", "PRAGMA"];

    private static readonly Lazy<string[]> SqliteOnlyScripts = new(() =>
        [.. DatabaseMigrator.Scripts(DatabaseProvider.Sqlite).Select(s => s.Sql), DatabaseMigrator.CreateJournalSqlite]);

    /// <summary>True for what only the SQLite path sends: the driver's transaction statements, pragmas and SQLite's migrations.</summary>
    public static bool IsSqliteOnly(string sql)
    {
        var trimmed = sql.TrimStart();
        return DriverStatements.Any(d => trimmed.StartsWith(d, StringComparison.OrdinalIgnoreCase)
                                         && (trimmed.Length == d.Length || !char.IsLetterOrDigit(trimmed[d.Length])))
               || SqliteOnlyScripts.Value.Any(s => s.Contains(sql.Trim(), StringComparison.Ordinal));
    }

    public static string From(string sqlite)
    {
        var text = sqlite;
        foreach (var (pattern, sqlServer) in Fragments)
        {
            text = pattern.Replace(text, m => string.Format(System.Globalization.CultureInfo.InvariantCulture, sqlServer, m.Groups["a"].Value));
        }

        return text;
    }

    // "substr({0}, 1, 7)" becomes a pattern whose group a is the column or parameter put in for {0}; a second {0} must be
    // the same text.
    private static Regex Pattern(string format)
    {
        var parts = format.Split("{0}");
        var pattern = Regex.Escape(parts[0]) + string.Concat(parts.Skip(1).Select((p, i) => (i == 0 ? @"(?<a>[\w.@]+)" : @"\k<a>") + Regex.Escape(p)));
        return new Regex(@"(?<![\w.@])" + pattern, RegexOptions.CultureInvariant);
    }
}
