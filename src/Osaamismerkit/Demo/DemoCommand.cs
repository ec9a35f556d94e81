using System.Globalization;

namespace Osaamismerkit.Demo;

/// <summary><c>dotnet run --project src/Osaamismerkit -- seed-demo [--clients N] [--units N] [--years N]</c>: demo data, Development only.</summary>
public static class DemoCommand
{
    public static IServiceCollection AddDemoRegion(this IServiceCollection services) => services.AddScoped<DemoRegion>();

    /// <summary>The process exit code when the arguments asked for the command, otherwise null: run the service.</summary>
    public static async Task<int?> RunDemoCommandAsync(this WebApplication app, Infrastructure.CommandLine commandLine)
    {
        if (commandLine.Command != "seed-demo")
        {
            return null;
        }

        if (!app.Environment.IsDevelopment())
        {
            app.Logger.LogCritical("seed-demo writes made-up clients and runs only in Development (ASPNETCORE_ENVIRONMENT=Development).");
            return 2;
        }

        var options = new DemoRegionOptions
        {
            Clients = Option(commandLine, "--clients", 350),
            Units = Option(commandLine, "--units", 30),
            Years = Option(commandLine, "--years", 3),
        };
        await using var scope = app.Services.CreateAsyncScope();
        try
        {
            var summary = await scope.ServiceProvider.GetRequiredService<DemoRegion>().SeedAsync(options);
            app.Logger.LogInformation(
                "Demo region ready: {Units} units, {Clients} clients, {Baselines} baselines, {Assessments} demonstrations, {Assertions} badges.",
                summary.Units, summary.Clients, summary.Baselines, summary.Assessments, summary.Assertions);
            // The two things a newcomer wants next, with addresses to open: the staff side and a client's wallet.
            var baseUrl = (app.Configuration["Public:BaseUrl"] is { Length: > 0 } configured ? configured : "http://localhost:5080").TrimEnd('/');
            app.Logger.LogInformation(
                "Sign in at {BaseUrl}/staff as ohjaaja: the instructor of {Unit}, where Aino Esimerkki (e-mail and phone; a valid, an expired and a revoked badge), Bertil Exempel (phone) and Paula Paperinen (claim code) are.",
                baseUrl, summary.FirstUnitName);
            app.Logger.LogInformation("Aino Esimerkki's wallet, as she would open it on her phone: {WalletUrl}", baseUrl + summary.WalletPath);
            return 0;
        }
        catch (InvalidOperationException e)
        {
            app.Logger.LogCritical("{Message}", e.Message);
            return 1;
        }
    }

    private static int Option(Infrastructure.CommandLine commandLine, string name, int fallback) =>
        int.TryParse(commandLine.Option(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
