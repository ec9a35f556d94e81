namespace Osaamismerkit.Infrastructure;

/// <summary>
/// The service's command line split in two: a command with its arguments (<c>backup &lt;file&gt;</c>, <c>seed-demo</c>)
/// and the configuration switches around it. Configuration never sees the command's words, so a target such as
/// <c>/var/backups/x.db</c> is not read as a "/key value" switch that swallows the next setting, and settings may
/// come before or after the command.
/// </summary>
public sealed record CommandLine(string? Command, IReadOnlyList<string> Arguments, string[] Configuration)
{
    // Each command and how many plain (not --option) arguments follow it.
    private static readonly Dictionary<string, int> Commands = new(StringComparer.Ordinal) { ["backup"] = 1, ["seed-demo"] = 0 };

    public static CommandLine Parse(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            // A command word is one that is not the value of a preceding "--key value" switch.
            var isValue = i > 0 && args[i - 1].StartsWith("--", StringComparison.Ordinal) && !args[i - 1].Contains('=', StringComparison.Ordinal);
            if (isValue || !Commands.TryGetValue(args[i], out var plain))
            {
                continue;
            }

            var taken = args.Skip(i + 1).Take(plain).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
            var configuration = args.Take(i).Concat(args.Skip(i + 1 + taken.Count)).ToArray();
            return new CommandLine(args[i], taken, configuration);
        }

        return new CommandLine(null, [], args);
    }

    /// <summary>The value of <c>--name N</c> after the command, for the commands' own options (e.g. seed-demo --clients 40).</summary>
    public string? Option(string name)
    {
        var index = Array.IndexOf(Configuration, name);
        return index >= 0 && index + 1 < Configuration.Length ? Configuration[index + 1] : null;
    }
}
