using Azure.Core;
using Azure.Identity;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Options;

namespace Osaamismerkit.Infrastructure.Database;

/// <summary>
/// Entra ID access tokens for Azure SQL, handed to SqlClient through <see cref="SqlConnection.AccessTokenCallback"/>.
/// Microsoft.Data.SqlClient 7 moved "Authentication=Active Directory Default" into a separate package that is not
/// available to us; the callback with Azure.Identity does the same job, and SqlClient caches the token per pool.
/// </summary>
public sealed class SqlServerAccessTokens
{
    private readonly Lazy<TokenCredential> _credential;

    public SqlServerAccessTokens(IOptions<DatabaseOptions> options)
        : this(() => CredentialFor(options.Value.ManagedIdentityClientId))
    {
    }

    internal SqlServerAccessTokens(Func<TokenCredential> credential) => _credential = new(credential);

    public async Task<SqlAuthenticationToken> GetAsync(SqlAuthenticationParameters parameters, CancellationToken cancellationToken)
    {
        // SqlClient names the resource the server asked for (https://database.windows.net/ for Azure SQL); Entra ID
        // wants it as a scope.
        var scope = parameters.Resource.TrimEnd('/') + "/.default";
        var token = await _credential.Value.GetTokenAsync(new TokenRequestContext([scope]), cancellationToken);
        return new SqlAuthenticationToken(token.Token, token.ExpiresOn);
    }

    private static TokenCredential CredentialFor(string? managedIdentityClientId) =>
        string.IsNullOrWhiteSpace(managedIdentityClientId)
            ? new DefaultAzureCredential(new DefaultAzureCredentialOptions { ExcludeInteractiveBrowserCredential = true })
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(managedIdentityClientId));
}
