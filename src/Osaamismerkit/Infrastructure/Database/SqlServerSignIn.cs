namespace Osaamismerkit.Infrastructure.Database;

/// <summary>How the service signs in to SQL Server / Azure SQL.</summary>
public enum SqlServerSignIn
{
    /// <summary>Whatever the connection string says (SQL login, or integrated security on a domain machine).</summary>
    ConnectionString,

    /// <summary>
    /// Microsoft Entra ID with the machine's managed identity (App Service, Container Apps) or, outside Azure, the
    /// developer's Azure sign-in: no password anywhere in the configuration.
    /// </summary>
    EntraId,
}
