using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.DependencyInjection;
using Osaamismerkit.Clients;
using Osaamismerkit.Infrastructure.Auditing;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Tests.Issuing;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Reliability;

/// <summary>
/// SQL Server's "not now" errors met in the middle of a writing transaction, through HTTP: a deadlock victim (1205) and
/// Azure SQL's database-unavailable-during-failover (40613), each a real <see cref="SqlException"/>. They are thrown by the
/// audit log's clock, which every writing transaction reads after its first writes and just before its audit row's
/// INSERT, so the transaction is rolled back exactly as the server's error would leave it. Work that is safe to run again
/// is run again whole; anything else answers 503 problem details with Retry-After, never 500, and leaves nothing written.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.AvailableProviders))]
public sealed class TransientFaultTests(DatabaseProvider provider) : IssuingTestBase(provider)
{
    private const int Deadlock = 1205;
    private const int AzureDatabaseUnavailable = 40613;

    private readonly ConcurrentQueue<SqlException> _faults = new();
    private int _met;

    protected override Action<IServiceCollection>? Services => services =>
        services.AddSingleton(sp => new AuditLog(new FaultingClock(sp.GetRequiredService<TimeProvider>(), this)));

    [TearDown]
    public void NoFaultsLeft()
    {
        // One fixture instance serves every test: what a test queued and did not meet must not hit the next one's start.
        _faults.Clear();
        _met = 0;
    }

    [Test]
    public void The_made_exceptions_are_what_the_service_reads_as_a_deadlock_and_a_transient_fault()
    {
        var deadlock = SqlServerErrors.Of(Deadlock, "deadlock victim");
        var failover = SqlServerErrors.Of(AzureDatabaseUnavailable, "not currently available");

        Assert.That(SqlServerFaults.IsDeadlock(deadlock) && SqlServerFaults.IsTransient(deadlock), Is.True);
        Assert.That(SqlServerFaults.IsDeadlock(failover), Is.False);
        Assert.That(SqlServerFaults.IsTransient(failover), Is.True);
        Assert.That(SqlServerFaults.IsTransient(SqlServerErrors.Of(547, "foreign key")), Is.False, "a constraint is not a passing fault");
    }

    [Test]
    public async Task A_deadlock_victims_assessment_runs_again_whole_and_is_recorded_once()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit, email: "deadlock@example.fi");
        Fail(Deadlock, times: 1);

        using var response = await Scenario.AssessAsync(Instructor, Scenario.Passing(BasicBadge, client.Id, Unit));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        Assert.That(_met, Is.EqualTo(1), "the fault was met");
        await AssertWrittenOnceAsync(client.Id);
    }

    [Test]
    public async Task An_assessment_with_an_idempotency_key_is_run_again_after_an_Azure_SQL_failover()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit, email: "failover@example.fi");
        Fail(AzureDatabaseUnavailable, times: 1);

        using var response = await Scenario.AssessAsync(Instructor, Scenario.Passing(BasicBadge, client.Id, Unit), "failover-key");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        Assert.That(_met, Is.EqualTo(1));
        await AssertWrittenOnceAsync(client.Id);
    }

    [Test]
    public async Task Without_an_idempotency_key_an_Azure_SQL_failover_is_not_run_again_and_answers_503_with_Retry_After()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit, email: "nokey@example.fi");
        Fail(AzureDatabaseUnavailable, times: 1);

        using var response = await Scenario.AssessAsync(Instructor, Scenario.Passing(BasicBadge, client.Id, Unit));

        await AssertUnavailableAsync(response);
        Assert.That(_met, Is.EqualTo(1), "a COMMIT's outcome is unknown after a failover: without a key the work is not run again");
        await AssertNothingWrittenAsync(client.Id);
    }

    [Test]
    public async Task A_deadlock_on_every_attempt_answers_503_with_Retry_After_after_three_attempts()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit, email: "always@example.fi");
        Fail(Deadlock, times: 5);

        using var response = await Scenario.AssessAsync(Instructor, Scenario.Passing(BasicBadge, client.Id, Unit), "always-key");

        await AssertUnavailableAsync(response);
        Assert.That(_met, Is.EqualTo(3));
        await AssertNothingWrittenAsync(client.Id);
    }

    [TestCase(Deadlock)]
    [TestCase(AzureDatabaseUnavailable)]
    public async Task A_write_that_is_not_run_again_answers_503_with_Retry_After_and_leaves_no_row(int number)
    {
        Fail(number, times: 1);

        using var response = await Instructor.PostAsJsonAsync("/api/clients", new ClientRequest("Kesken Jäänyt", null, null, "fi", Unit, null));

        await AssertUnavailableAsync(response);
        Assert.That(_met, Is.EqualTo(1));
        Assert.That(await Scenario.CountAsync("clients"), Is.Zero, "the client's INSERT was rolled back with the failed transaction");
    }

    private void Fail(int number, int times)
    {
        var message = number == Deadlock
            ? "Transaction (Process ID 61) was deadlocked on lock resources with another process and has been chosen as the deadlock victim. Rerun the transaction."
            : "Database 'osaamismerkit' on server 'test-server' is not currently available. Please retry the connection later.";
        for (var i = 0; i < times; i++)
        {
            _faults.Enqueue(SqlServerErrors.Of(number, message, errorClass: (byte)(number == Deadlock ? 13 : 20)));
        }
    }

    private async Task AssertUnavailableAsync(HttpResponseMessage response)
    {
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), await response.Content.ReadAsStringAsync());
        Assert.That(response.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero), "Retry-After");
        await ProblemResponses.AssertAsync(response, "DatabaseUnavailableTitle");
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Not.Contain("deadlock").And.Not.Contain("test-server"));
    }

    private async Task AssertWrittenOnceAsync(string clientId)
    {
        Assert.That(await Scenario.CountAsync("assessments", "client_id = @clientId", new { clientId }), Is.EqualTo(1));
        Assert.That(await Scenario.CountAsync("assertions", "client_id = @clientId", new { clientId }), Is.EqualTo(1));
        Assert.That(await Scenario.CountAsync("audit_log", "action = 'assessment.recorded'"), Is.EqualTo(1));
        Assert.That(await Scenario.CountAsync("audit_log", "action = 'assertion.issued'"), Is.EqualTo(1));
    }

    private async Task AssertNothingWrittenAsync(string clientId)
    {
        Assert.That(await Scenario.CountAsync("assessments", "client_id = @clientId", new { clientId }), Is.Zero);
        Assert.That(await Scenario.CountAsync("assertions", "client_id = @clientId", new { clientId }), Is.Zero);
        Assert.That(await Scenario.CountAsync("audit_log", "action = 'assessment.recorded'"), Is.Zero);
    }

    /// <summary>The audit log's clock: the test's clock, except that it throws each queued fault once.</summary>
    private sealed class FaultingClock(TimeProvider clock, TransientFaultTests test) : TimeProvider
    {
        public override TimeZoneInfo LocalTimeZone => clock.LocalTimeZone;

        public override long TimestampFrequency => clock.TimestampFrequency;

        public override long GetTimestamp() => clock.GetTimestamp();

        public override DateTimeOffset GetUtcNow()
        {
            if (test._faults.TryDequeue(out var fault))
            {
                Interlocked.Increment(ref test._met);
                throw fault;
            }

            return clock.GetUtcNow();
        }
    }
}
