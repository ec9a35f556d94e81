using System.Diagnostics;

namespace Osaamismerkit.BrowserTests.Support;

/// <summary>Reads a QR code from a screenshot with zbarimg (Debian's zbar-tools), as a phone camera would.</summary>
public static class QrCodes
{
    public static string Read(byte[] png)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("browser-qr-").FullName, "qr.png");
        File.WriteAllBytes(file, png);
        var zbarimg = File.Exists("/usr/bin/zbarimg") ? "/usr/bin/zbarimg" : null;
        if (zbarimg is null)
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail("zbarimg is not installed: run .ci/install-test-dependencies (Debian package zbar-tools).");
            }

            Assert.Ignore("zbarimg is not installed (Debian package zbar-tools).");
        }

        var start = new ProcessStartInfo(zbarimg!) { RedirectStandardOutput = true, RedirectStandardError = true, ArgumentList = { "--raw", "-q", "-Sdisable", "-Sqrcode.enable", file } };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        Assert.That(process.WaitForExit(TimeSpan.FromSeconds(30)), Is.True);
        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        Assert.That(process.ExitCode, Is.Zero, "zbarimg found no code");
        return output.Trim();
    }
}
