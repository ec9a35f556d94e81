namespace Osaamismerkit.Issuing;

/// <summary>One line of the public revocation list.</summary>
public sealed record RevokedAssertion
{
    public required string Id { get; init; }

    public required string Reason { get; init; }
}
