namespace Osaamismerkit.Staff;

public sealed record UnitRequest(string? Name, string? MunicipalityCode);
