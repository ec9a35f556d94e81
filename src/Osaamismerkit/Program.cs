using Osaamismerkit.Assessments;
using Osaamismerkit.Baseline;
using Osaamismerkit.Catalogue;
using Osaamismerkit.Certificates;
using Osaamismerkit.Clients;
using Osaamismerkit.Demo;
using Osaamismerkit.Infrastructure;
using Osaamismerkit.Infrastructure.Auditing;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Infrastructure.Database.Backup;
using Osaamismerkit.Infrastructure.Http;
using Osaamismerkit.Infrastructure.Localization;
using Osaamismerkit.Infrastructure.Security;
using Osaamismerkit.Issuing;
using Osaamismerkit.OpenBadges;
using Osaamismerkit.Reports;
using Osaamismerkit.Staff;
using Osaamismerkit.StaffUi;
using Osaamismerkit.Verification;

var commandLine = CommandLine.Parse(args);
var builder = WebApplication.CreateBuilder(commandLine.Configuration);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHttpPlumbing(builder.Configuration);
builder.Services.AddLanguages();
builder.Services.AddDatabase(builder.Configuration);
builder.Services.AddSingleton<AuditLog>();
builder.Services.AddCatalogue(builder.Configuration);
builder.Services.AddIssuing(builder.Configuration);
builder.Services.AddCertificates();
builder.Services.AddScoped<CertificateDocuments>();
builder.Services.AddBaseline();
builder.Services.AddReports(builder.Configuration);
builder.Services.AddDemoRegion();
builder.Services.AddDatabaseBackup();
builder.Services.AddStaffAuthentication(builder.Configuration);
builder.Services.AddRateLimits(builder.Configuration);
builder.Services.AddPublicPages();
builder.Services.AddStaffUi();

var app = builder.Build();

int? earlyExit;
try
{
    await app.RunStartupTasksAsync();
    earlyExit = await app.RunDemoCommandAsync(commandLine) ?? await app.RunBackupCommandAsync(commandLine);
}
catch (Exception e) when (e is CatalogueValidationException or StorageUnavailableException or MissingConfigurationException
                           && !app.Environment.IsEnvironment("Testing"))
{
    // A broken catalogue, a read-only, full or locked data folder, or a missing production secret stops start-up with
    // what to fix, not a stack trace.
    app.Logger.LogCritical("{Message}", e.Message);
    earlyExit = 1;
}

if (earlyExit is { } exitCode)
{
    // The console logger writes from a queue: disposing the host flushes it, or the one line that says what to fix can be lost.
    await app.DisposeAsync();
    Environment.ExitCode = exitCode;
    return;
}

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
app.UseAuthorization();
app.UseRateLimiter();
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
app.MapBaseline();
app.MapReports();
app.MapCertificates();
app.MapPublicPages();
app.MapStaffUi();

app.Lifetime.ApplicationStarted.Register(() =>
    app.Logger.LogInformation("Osaamismerkit is running: {Urls} (database {Provider})",
        string.Join(", ", app.Urls), app.Services.GetRequiredService<Database>().Provider));

await app.RunAsync();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
