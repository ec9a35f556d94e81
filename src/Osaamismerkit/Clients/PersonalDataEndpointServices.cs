using Microsoft.Extensions.Localization;
using Osaamismerkit.Infrastructure.Auditing;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Resources;

namespace Osaamismerkit.Clients;

/// <summary>What the export and erasure handlers need, bound with [AsParameters].</summary>
public sealed record PersonalDataEndpointServices(
    ClientAccess Access, ContactProtector Protector, Database Database, AuditLog Audit, TimeProvider Clock, IStringLocalizer<Messages> Text);
