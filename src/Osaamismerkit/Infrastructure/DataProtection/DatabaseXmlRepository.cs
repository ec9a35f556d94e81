using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Osaamismerkit.Infrastructure.DataProtection;

/// <summary>
/// The key ring in the database, so that every instance reads the keys the others wrote. Data Protection's repository
/// interface is synchronous; it is called when the ring is first needed and when it refreshes (about once a day), so
/// blocking on the connection here costs nothing a request would notice.
/// </summary>
public sealed class DatabaseXmlRepository(Database.Database database, TimeProvider clock) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = database.OpenAsync().GetAwaiter().GetResult();
        return DataProtectionKeyQueries.All(connection).Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = database.OpenAsync().GetAwaiter().GetResult();
        DataProtectionKeyQueries.Insert(connection, friendlyName, element.ToString(SaveOptions.DisableFormatting), clock.GetUtcNow());
    }
}
