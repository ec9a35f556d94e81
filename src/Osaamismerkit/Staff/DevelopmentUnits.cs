using Osaamismerkit.Infrastructure.Auditing;
using Osaamismerkit.Infrastructure.Database;

namespace Osaamismerkit.Staff;

/// <summary>
/// Development only: two units with the development identity provider's instructors in them, so that a fresh
/// `dotnet run` can be tried at once. Never runs in any other environment.
/// </summary>
public sealed class DevelopmentUnits(Database database, AuditLog audit, TimeProvider clock, IHostEnvironment environment)
{
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException("Development units are for the Development environment only.");
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        if (await UnitQueries.AnyAsync(connection, cancellationToken))
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
            await UnitQueries.InsertAsync(transaction, id, name, code, clock.GetUtcNow(), cancellationToken);
            await UnitQueries.AddMemberAsync(transaction, id, subject, cancellationToken);
            await audit.AppendAsync(transaction, Actor.System, new AuditEntry("unit.created", "unit", id, "development seed"), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
