using System.Data;
using System.Globalization;
using Dapper;

namespace Osaamismerkit.Infrastructure.Database;

/// <summary>
/// How Dapper reads rows: snake_case columns onto PascalCase properties, and timestamps and dates, which SQLite stores
/// as ISO-8601 text and SQL Server as native types, read back the same.
/// </summary>
public static class DapperTypeHandlers
{
    private static int _registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1)
        {
            return;
        }

        // Columns are snake_case and properties PascalCase: Dapper maps one to the other, so SQL names only the columns
        // whose property has another name.
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.AddTypeHandler(new DateTimeOffsetHandler());
        SqlMapper.AddTypeHandler(new DateOnlyHandler());
    }

    private sealed class DateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
        {
            parameter.DbType = DbType.DateTimeOffset;
            parameter.Value = value.ToUniversalTime();
        }

        public override DateTimeOffset Parse(object value) => value switch
        {
            DateTimeOffset d => d.ToUniversalTime(),
            DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
            string s => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime(),
            _ => throw new DataException($"Cannot read {value.GetType()} as DateTimeOffset."),
        };
    }

    private sealed class DateOnlyHandler : SqlMapper.TypeHandler<DateOnly>
    {
        public override void SetValue(IDbDataParameter parameter, DateOnly value)
        {
            parameter.DbType = DbType.Date;
            parameter.Value = value.ToDateTime(TimeOnly.MinValue);
        }

        public override DateOnly Parse(object value) => value switch
        {
            DateOnly d => d,
            DateTime d => DateOnly.FromDateTime(d),
            string s => DateOnly.FromDateTime(DateTime.Parse(s, CultureInfo.InvariantCulture)),
            _ => throw new DataException($"Cannot read {value.GetType()} as DateOnly."),
        };
    }
}
