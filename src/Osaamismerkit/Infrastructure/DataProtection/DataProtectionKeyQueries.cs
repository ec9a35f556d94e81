using System.Data.Common;
using Dapper;

namespace Osaamismerkit.Infrastructure.DataProtection;

/// <summary>The data_protection_keys table: one row per key, as the XML Data Protection writes (encrypted with the certificate).</summary>
public static class DataProtectionKeyQueries
{
    public static IEnumerable<string> All(DbConnection connection) =>
        connection.Query<string>("SELECT xml FROM data_protection_keys ORDER BY created_at");

    /// <summary>Key names are new GUIDs: two instances creating keys at once write two rows, and the ring keeps both.</summary>
    public static void Insert(DbConnection connection, string friendlyName, string xml, DateTimeOffset createdAt) =>
        connection.Execute(
            "INSERT INTO data_protection_keys (friendly_name, xml, created_at) VALUES (@FriendlyName, @Xml, @CreatedAt)",
            new { FriendlyName = friendlyName, Xml = xml, CreatedAt = createdAt });
}
