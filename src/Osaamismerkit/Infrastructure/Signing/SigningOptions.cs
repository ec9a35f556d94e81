namespace Osaamismerkit.Infrastructure.Signing;

public sealed class SigningOptions
{
    public const string Section = "Signing";

    /// <summary>Production: a PKCS#8 or PKCS#1 RSA private key PEM file. Rotation: point this at a new file and restart.</summary>
    public string? PrivateKeyPemPath { get; set; }

    /// <summary>Development: keys are generated here on first run, relative to the data folder; never commit them.</summary>
    public string DevelopmentKeyFolder { get; set; } = "signing-keys";

    public int KeySizeBits { get; set; } = 2048;
}
