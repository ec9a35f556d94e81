namespace Osaamismerkit.Oid4vci;

/// <summary>What a token or credential request came to: a value, or the error the wallet is told.</summary>
public sealed record Oid4vciOutcome<T>(T? Value, Oid4vciError? Error)
    where T : class
{
    public static implicit operator Oid4vciOutcome<T>(Oid4vciError error) => new(null, error);

    public static implicit operator Oid4vciOutcome<T>(T value) => new(value, null);
}
