namespace Osaamismerkit.Infrastructure.Database;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}
