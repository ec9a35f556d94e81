namespace Osaamismerkit.Clients;

/// <summary>
/// Where the Data Protection key ring that encrypts contact details is kept: in the data folder, beside the database.
/// A database copy without it keeps its badges but not its clients' e-mail addresses and phone numbers.
/// </summary>
public sealed class KeyRing(Infrastructure.Database.Database database)
{
    public const string FolderName = "data-protection-keys";

    public string Folder { get; } = Path.Combine(database.DataFolder, FolderName);
}
