namespace Osaamismerkit.Clients;

/// <summary>What became of adding or changing a client: the row as saved, or the refusal field by field.</summary>
public sealed record ClientWrite(ClientRow? Saved, IDictionary<string, string[]> Errors)
{
    public static ClientWrite Refused(IDictionary<string, string[]> errors) => new(null, errors);

    public static ClientWrite Done(ClientRow saved) => new(saved, new Dictionary<string, string[]>(StringComparer.Ordinal));
}
