using System.Security.Claims;
using Osaamismerkit.Infrastructure.Database;

namespace Osaamismerkit.Staff;

/// <summary>The units whose clients the signed-in instructor may see; admins see all.</summary>
public sealed class StaffUnits(Database database)
{
    public async Task<IReadOnlySet<string>> OfAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await UnitQueries.IdsOfStaffAsync(connection, user.SubjectId(), cancellationToken);
    }

    public async Task<bool> MayActInAsync(ClaimsPrincipal user, string unitId, CancellationToken cancellationToken = default) =>
        user.IsAdmin() || (await OfAsync(user, cancellationToken)).Contains(unitId);
}
