using Microsoft.Extensions.Localization;
using Osaamismerkit.Infrastructure.Auditing;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Resources;

namespace Osaamismerkit.Staff;

/// <summary>What the unit handlers need, bound with [AsParameters].</summary>
public sealed record UnitEndpointServices(Database Database, AuditLog Audit, TimeProvider Clock, IStringLocalizer<Messages> Text);
