namespace Osaamismerkit.Tests.Support;

/// <summary>
/// A tool a test runs beside the service (Node.js and the npm packages under tools/) is not installed. `.ci/run` installs
/// them all, so under CI=true the test fails and says what is missing; on a developer machine it is skipped.
/// </summary>
internal static class MissingTool
{
    public static void Stop(string whoNeedsIt, string reason)
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"{whoNeedsIt}: {reason}");
        }

        Assert.Ignore("Skipped locally: " + reason);
    }
}
