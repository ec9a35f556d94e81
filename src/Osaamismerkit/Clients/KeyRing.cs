using Microsoft.Extensions.Options;
using Osaamismerkit.Infrastructure.DataProtection;

namespace Osaamismerkit.Clients;

/// <summary>
/// Where the Data Protection key ring that encrypts contact details is kept: in the data folder beside the SQLite file
/// (the default), or in the database for several instances. A database copy without the folder, or without the
/// key-ring certificate, keeps its badges but not its clients' e-mail addresses and phone numbers.
/// </summary>
public sealed class KeyRing(Infrastructure.Database.Database database, IOptions<KeyRingOptions> options)
{
    public const string FolderName = "data-protection-keys";

    public bool InDatabase { get; } = options.Value.Storage == KeyRingStorage.Database;

    public string Folder { get; } = Path.Combine(database.DataFolder, FolderName);

    /// <summary>Where to look for it, for an operator reading a log line.</summary>
    public string Location => InDatabase ? "the database (table data_protection_keys), encrypted with the key-ring certificate" : Folder;
}
