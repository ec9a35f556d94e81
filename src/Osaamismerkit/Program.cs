using Microsoft.Extensions.Options;
using Osaamismerkit.Assessments;
using Osaamismerkit.Baseline;
using Osaamismerkit.Catalogue;
using Osaamismerkit.Certificates;
using Osaamismerkit.ClientMessages;
using Osaamismerkit.Clients;
using Osaamismerkit.Credentials;
using Osaamismerkit.Demo;
using Osaamismerkit.Infrastructure;
using Osaamismerkit.Infrastructure.Auditing;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Infrastructure.Database.Backup;
using Osaamismerkit.Infrastructure.DataProtection;
using Osaamismerkit.Infrastructure.Http;
using Osaamismerkit.Infrastructure.Localization;
using Osaamismerkit.Infrastructure.Security;
using Osaamismerkit.Infrastructure.Signing;
using Osaamismerkit.Issuing;
using Osaamismerkit.Oid4vci;
using Osaamismerkit.OpenBadges;
using Osaamismerkit.PublicPages;
using Osaamismerkit.Reports;
using Osaamismerkit.Staff;
using Osaamismerkit.StaffUi;
using Osaamismerkit.Verification;
using Osaamismerkit.Wallet;

var commandLine = CommandLine.Parse(args);
var builder = WebApplication.CreateBuilder(commandLine.Configuration);

// Shared plumbing: the clock, problem details, request size limits and OpenAPI, fi/sv/en, the database (with its
// background WAL checkpoint) and its audit log, and the backup command.
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHttpPlumbing(builder.Configuration);
builder.Services.AddLanguages();
builder.Services.AddDatabase(builder.Configuration);
builder.Services.AddAudit();
builder.Services.AddDatabaseBackup();
// Data Protection's key ring (contacts, staff cookies, form tickets): in the data folder or, for several instances, in
// the database, encrypted at rest with the key-ring certificate.
builder.Services.AddKeyRing(builder.Configuration);

// The badge catalogue, then what is issued from it: clients (with their encrypted contacts), signing keys, the Open
// Badges documents (and the CORS policy that lets other origins read them), assessments, assertions and claim codes.
builder.Services.AddCatalogue(builder.Configuration);
builder.Services.AddClients(builder.Configuration);
builder.Services.AddSigning(builder.Configuration);
builder.Services.AddOpenBadges(builder.Configuration);
builder.Services.AddAssessments();
builder.Services.AddIssuing();

// Open Badges 3.0 credentials built from the issued assertions: VC-JWT and Data Integrity proofs, the issuer's did:web
// document, the revocation status list.
builder.Services.AddCredentials(builder.Configuration);
// ...and delivered to the holder's digital wallet by OpenID4VCI (pre-authorized code offers from the wallet page).
builder.Services.AddOid4vci(builder.Configuration);

// Messages to clients about their badges: an outbox written in the same transaction as the change, sent by a
// background worker through the configured SMTP server.
builder.Services.AddClientMessages(builder.Configuration);

// Certificates (signed with the county's document-signing certificate), the DigComp baseline, project staff's reports, and the demo region for development.
builder.Services.AddCertificates(builder.Configuration);
builder.Services.AddBaseline();
builder.Services.AddReports(builder.Configuration);
builder.Services.AddDemoRegion();

// Who may do what: staff sign-in (cookie, OIDC, bearer) with the role policies, and per-address rate limits, the
// address forwarded only by the configured proxies.
builder.Services.AddStaffAuthentication(builder.Configuration);
builder.Services.AddRateLimits(builder.Configuration);
builder.Services.AddTrustedProxies(builder.Configuration);

// Pages and public APIs: the public badge pages and downloads, the verification API (with its upload CORS policy),
// the client's wallet, the staff UI.
builder.Services.AddPublicPages();
builder.Services.AddVerification();
builder.Services.AddWallet();
builder.Services.AddStaffUi();

var app = builder.Build();

int? earlyExit;
try
{
    // Settings are checked before any start-up task reads them, so a bad value is reported like the failures below.
    app.Services.GetService<IStartupValidator>()?.Validate();
    await app.RunStartupTasksAsync();
    earlyExit = await app.RunDemoCommandAsync(commandLine) ?? await app.RunBackupCommandAsync(commandLine);
}
catch (Exception e) when (StartupFailures.Describe(e) is { } message && !app.Environment.IsEnvironment("Testing"))
{
    // What to fix, not a stack trace.
    app.Logger.LogCritical("{Message}", message);
    earlyExit = 1;
}

if (earlyExit is { } exitCode)
{
    // The console logger writes from a queue: disposing the host flushes it, or the one line that says what to fix can be lost.
    await app.DisposeAsync();
    Environment.ExitCode = exitCode;
    return;
}

// Middleware, in this order: the client's address and scheme from a configured proxy; security headers and HTTPS
// outside development; localisation, problem details and status pages; static files; CORS before authentication, so
// that preflights are answered; the same-origin check for API calls that ride on the staff cookie; then the rate limiter.
app.UseTrustedProxies();
app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment() && !app.Environment.IsEnvironment("Testing"))
{
    app.UseHsts();
    app.UseHttpsRedirection();
}

app.UseHttpPlumbing();
app.UseStaticFiles();
app.UseCors();
app.UseAuthentication();
app.UseSameOriginForCookieApiCalls();
app.UseAuthorization();
app.UseRateLimiter();

// Endpoints, one MapX per feature folder; each group states its own policy, and the fallback policy requires a signed-in user.
app.MapHealth();
app.MapAudit();
app.MapSignIn();
app.MapUnits();
app.MapCatalogue();
app.MapOpenBadges();
app.MapClients();
app.MapPersonalData();
app.MapAssessments();
app.MapIssuing();
app.MapClientMessages();
app.MapCredentials();
app.MapOid4vci();
app.MapBaseline();
app.MapReports();
app.MapCertificates();
app.MapPublicBadges();
app.MapVerifyApi();
app.MapVerifyPage();
app.MapWallet();
app.MapStaffUi();

app.Lifetime.ApplicationStarted.Register(() =>
    app.Logger.LogInformation("Osaamismerkit is running: {Urls} (database {Provider})",
        string.Join(", ", app.Urls), app.Services.GetRequiredService<Database>().Provider));

await app.RunAsync();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
