using Microsoft.Extensions.Localization;
using Osaamismerkit.Resources;

namespace Osaamismerkit.Clients;

/// <summary>What the client handlers need, bound with [AsParameters] so each handler names only the request.</summary>
public sealed record ClientEndpointServices(ClientAccess Access, ClientWriter Writer, ContactProtector Protector, IStringLocalizer<Messages> Text);
