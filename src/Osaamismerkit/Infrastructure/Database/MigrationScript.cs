namespace Osaamismerkit.Infrastructure.Database;

public sealed record MigrationScript(string Name, string Sql);
