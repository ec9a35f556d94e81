using Dapper;
using Osaamismerkit.Infrastructure.Auditing;
using Osaamismerkit.Infrastructure.Database;

namespace Osaamismerkit.Staff;

/// <summary>
/// Development only: two units with the development identity provider's instructors in them, so that a fresh
/// `dotnet run` can be tried at once. Never runs in any other environment.
/// </summary>
public sealed class DevelopmentUnits(Database database, AuditLog audit, TimeProvider clock, IHostEnvironment environment)
{
    private const string AnyUnit = "SELECT COUNT(*) FROM units";

    private const string InsertUnit = "INSERT INTO units (id, name, municipality_code, created_at) VALUES (@Id, @Name, @Code, @Now)";

    private const string InsertMember = "INSERT INTO unit_memberships (unit_id, staff_subject) VALUES (@UnitId, @Subject)";

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException("Development units are for the Development environment only.");
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        if (await connection.ExecuteScalarAsync<int>(new CommandDefinition(AnyUnit, cancellationToken: cancellationToken)) > 0)
        {
            return;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var (id, name, code, subject) in new[]
        {
            ("unit-dev-joensuu", "Joensuun työtoimintapaja", "167", "ohjaaja"),
            ("unit-dev-kitee", "Kiteen digipaja", "260", "ohjaaja2"),
        })
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertUnit, new { Id = id, Name = name, Code = code, Now = clock.GetUtcNow() }, transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(InsertMember, new { UnitId = id, Subject = subject }, transaction, cancellationToken: cancellationToken));
            await audit.AppendAsync(transaction, Actor.System, new AuditEntry("unit.created", "unit", id, "development seed"), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
