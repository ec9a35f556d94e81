using Azure.Core;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Osaamismerkit.Infrastructure.Database;

namespace Osaamismerkit.Tests.Infrastructure;

/// <summary>
/// Azure SQL with a managed identity: the connection carries no password and asks Entra ID for a token for the
/// database resource that SQL Server names. No Azure SQL here, so the test plays SqlClient's part: it calls the
/// connection's own token callback as SqlClient does after the server asks for federated authentication.
/// </summary>
public sealed class EntraIdSignInTests
{
    private const string AzureSqlConnectionString = "Server=tcp:osaamismerkit.database.windows.net,1433;Database=osaamismerkit;Encrypt=True";

    [Test]
    public async Task A_connection_with_Entra_ID_sign_in_asks_the_credential_for_a_token_for_the_database_resource()
    {
        var credential = new RecordingCredential();
        var database = DatabaseFor(SqlServerSignIn.EntraId, credential);

        await using var connection = (SqlConnection)database.CreateConnection();
        Assert.That(connection.AccessTokenCallback, Is.Not.Null, "the connection must ask for a token itself");

        var token = await connection.AccessTokenCallback!(AzureSqlAsks("https://database.windows.net/"), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(credential.Scopes, Is.EqualTo(new[] { "https://database.windows.net/.default" }));
            Assert.That(token.AccessToken, Is.EqualTo(RecordingCredential.Token));
            Assert.That(token.ExpiresOn, Is.EqualTo(RecordingCredential.Expires));
        });
    }

    [Test]
    public async Task A_connection_with_connection_string_sign_in_never_asks_for_a_token()
    {
        var credential = new RecordingCredential();
        var database = DatabaseFor(SqlServerSignIn.ConnectionString, credential);

        await using var connection = (SqlConnection)database.CreateConnection();

        Assert.That(connection.AccessTokenCallback, Is.Null);
        Assert.That(credential.Scopes, Is.Empty);
    }

    private static Database DatabaseFor(SqlServerSignIn signIn, RecordingCredential credential)
    {
        var folder = Path.Combine(Path.GetTempPath(), "om-entra-" + Guid.NewGuid().ToString("N"));
        var options = Options.Create(new DatabaseOptions
        {
            Provider = DatabaseProvider.SqlServer,
            ConnectionString = AzureSqlConnectionString,
            SignIn = signIn,
            DataFolder = folder,
        });
        return new Database(options, new Environment(folder), new SqlServerAccessTokens(() => credential));
    }

    private sealed class RecordingCredential : TokenCredential
    {
        public const string Token = "eyJ0eXAiOiJKV1QifQ.entra.token";
        public static readonly DateTimeOffset Expires = new(2026, 12, 5, 10, 0, 0, TimeSpan.Zero);

        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes.AddRange(requestContext.Scopes);
            return new AccessToken(Token, Expires);
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }

    /// <summary>What SqlClient passes to the callback when Azure SQL asks for an Entra ID token.</summary>
    private static SqlAuthenticationParameters AzureSqlAsks(string resource) => new(
        SqlAuthenticationMethod.NotSpecified, "osaamismerkit.database.windows.net", "osaamismerkit", resource,
        "https://login.microsoftonline.com/tenant", "", "", Guid.NewGuid(), 30);

    private sealed class Environment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";
        public string ApplicationName { get; set; } = "Osaamismerkit";
        public string ContentRootPath { get; set; } = root;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
