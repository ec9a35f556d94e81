using Osaamismerkit.Catalogue;

namespace Osaamismerkit.StaffUi.Recording;

public sealed record IssuedLine(string AssertionId, BadgeDefinition Badge, string PublicUrl, string? ClaimCode, bool Revoked);
