namespace Osaamismerkit.Infrastructure.DataProtection;

/// <summary>Where the Data Protection key ring (contact encryption, staff cookies, form tickets) is kept.</summary>
public enum KeyRingStorage
{
    /// <summary>A folder beside the SQLite file: the embedded default, one instance on one machine.</summary>
    Folder,

    /// <summary>The database itself: one ring for every instance, protected at rest with the key-ring certificate.</summary>
    Database,
}
