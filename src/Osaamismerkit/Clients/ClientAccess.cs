using System.Security.Claims;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Staff;

namespace Osaamismerkit.Clients;

/// <summary>Finds a client only if the signed-in staff member may see them; otherwise as if it did not exist.</summary>
public sealed class ClientAccess(Database database, StaffUnits units)
{
    public async Task<ClientRow?> FindAsync(string id, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await ClientQueries.FindAsync(connection, id, cancellationToken);
        return row is not null && await units.MayActInAsync(user, row.UnitId, cancellationToken) ? row : null;
    }
}
