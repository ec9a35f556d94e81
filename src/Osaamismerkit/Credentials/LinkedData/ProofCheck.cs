namespace Osaamismerkit.Credentials.LinkedData;

/// <summary>The outcome of checking a Data Integrity proof; <paramref name="Problem"/> is a short English reason for logs.</summary>
public sealed record ProofCheck(bool Valid, string? Problem)
{
    public static ProofCheck Passed { get; } = new(true, null);

    public static ProofCheck Failed(string problem) => new(false, problem);
}
