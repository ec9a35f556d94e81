namespace Osaamismerkit.Infrastructure.Auditing;

/// <summary>Who did it: a staff subject id (never a name), a client acting through their link, or the system.</summary>
public sealed record Actor(string Id, string Role)
{
    public static readonly Actor System = new("system", "System");
}
