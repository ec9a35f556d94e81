using Osaamismerkit.Tests.Certificates;

namespace Osaamismerkit.Tests.Verification;

/// <summary>Reads a QR code PNG as a phone camera app would, with zbar (Debian zbar-tools).</summary>
internal static class QrDecoding
{
    public static string Decode(byte[] png)
    {
        var zbarimg = ExternalTools.Require("zbarimg", "zbar-tools");
        var file = Path.Combine(Directory.CreateTempSubdirectory("public-qr-").FullName, "qr.png");
        try
        {
            File.WriteAllBytes(file, png);
            var (exitCode, output) = ExternalTools.Run(zbarimg, "--raw", "-q", "-Sdisable", "-Sqrcode.enable", file);
            Assert.That(exitCode, Is.Zero, "zbarimg found no code");
            return output.Trim();
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }
}
