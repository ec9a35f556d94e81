using Microsoft.Extensions.DependencyInjection;
using Osaamismerkit.Catalogue;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Issuing;

/// <summary>
/// A fresh service per test with one unit and its instructor. A fixture in the provider matrix passes its provider
/// (<c>[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.AvailableProviders))]</c>); one that passes none
/// runs on <see cref="TestDatabase.DefaultProvider"/>.
/// </summary>
public abstract class IssuingTestBase(DatabaseProvider? provider = null)
{
    protected DatabaseProvider Provider => App.Database.Provider;

    protected TestApp App { get; private set; } = null!;

    protected Scenario Scenario { get; private set; } = null!;

    protected HttpClient Instructor { get; private set; } = null!;

    protected HttpClient Anonymous { get; private set; } = null!;

    protected string Unit { get; private set; } = null!;

    protected BadgeDefinition BasicBadge =>
        Scenario.Catalogue.Badges.First(b => b.Kind == BadgeKind.Skill && b.Level == 2 && b.ValidityMonths is null);

    /// <summary>Configuration a fixture needs on top of the test defaults.</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    /// <summary>Services a fixture replaces on top of the test defaults (a fault injected where the service meets it).</summary>
    protected virtual Action<IServiceCollection>? Services => null;

    [SetUp]
    public async Task StartService()
    {
        App = await TestApp.StartAsync(provider, Settings, Services);
        Scenario = new Scenario(App);
        Unit = await Scenario.UnitAsync("instructor-1");
        Instructor = Scenario.Instructor("instructor-1");
        Anonymous = App.CreateClient();
    }

    [TearDown]
    public async Task StopService()
    {
        Instructor.Dispose();
        Anonymous.Dispose();
        await App.DisposeAsync();
    }
}
