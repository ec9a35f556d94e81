using Osaamismerkit.Catalogue;
using Osaamismerkit.Issuing;

namespace Osaamismerkit.Credentials;

/// <summary>What one credential is built from: the assertion as issued, the definition version it was issued under, and its status bit.</summary>
public sealed record CredentialSource(VerifiableAssertion Assertion, BadgeDefinition Badge, string? EvidenceNarrative, int StatusIndex)
{
    public Guid Id => Guid.Parse(Assertion.Id);
}
