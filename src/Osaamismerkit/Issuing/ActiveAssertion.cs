namespace Osaamismerkit.Issuing;

/// <summary>An unrevoked assertion; it may still have expired.</summary>
public sealed record ActiveAssertion
{
    public required string Id { get; init; }

    public required string BadgeId { get; init; }

    public DateTimeOffset? Expires { get; init; }

    public bool IsValidAt(DateTimeOffset now) => Expires is null || Expires > now;
}
