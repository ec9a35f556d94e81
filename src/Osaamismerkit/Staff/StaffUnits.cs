using System.Security.Claims;
using Dapper;
using Osaamismerkit.Infrastructure.Database;

namespace Osaamismerkit.Staff;

/// <summary>The units whose clients the signed-in instructor may see; admins see all.</summary>
public sealed class StaffUnits(Database database)
{
    private const string UnitsOfStaff = "SELECT unit_id FROM unit_memberships WHERE staff_subject = @Subject";

    public async Task<IReadOnlySet<string>> OfAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var units = await connection.QueryAsync<string>(new CommandDefinition(UnitsOfStaff, new { Subject = user.SubjectId() }, cancellationToken: cancellationToken));
        return units.ToHashSet(StringComparer.Ordinal);
    }

    public async Task<bool> MayActInAsync(ClaimsPrincipal user, string unitId, CancellationToken cancellationToken = default) =>
        user.IsAdmin() || (await OfAsync(user, cancellationToken)).Contains(unitId);
}
