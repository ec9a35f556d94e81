namespace Osaamismerkit.Clients;

public sealed record ClientSummary(string Id, string DisplayName, string UnitId, string PreferredLanguage);
