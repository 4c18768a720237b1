using System.Globalization;

namespace ReefDB.Raft.Tests.Interaction;

/// <summary>A parsed command line: <c>command pos1 pos2 key=value flag</c>.</summary>
internal sealed class Args
{
    private static readonly HashSet<string> KnownFlags = new(["pre-vote", "check-quorum", "empty", "drop", "lease-read"], StringComparer.Ordinal);
    private readonly Dictionary<string, string> options = new(StringComparer.Ordinal);

    public Args(string line)
    {
        var tokens = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Command = tokens[0];
        foreach (var token in tokens.Skip(1))
        {
            var eq = token.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                options[token[..eq]] = token[(eq + 1)..];
            }
            else if (KnownFlags.Contains(token))
            {
                options[token] = "";
            }
            else
            {
                Positional.Add(token);
            }
        }
    }

    public string Command { get; }

    public List<string> Positional { get; } = [];

    public ulong Id(int position) => Number(position);

    public ulong Number(int position) =>
        position < Positional.Count
            ? ulong.Parse(Positional[position], CultureInfo.InvariantCulture)
            : throw new FormatException($"{Command}: missing argument {position + 1}.");

    /// <summary>All positional arguments as ids (for commands taking a node list).</summary>
    public List<ulong> Ids() => [.. Positional.Select(p => ulong.Parse(p, CultureInfo.InvariantCulture))];

    public bool Flag(string name) => options.ContainsKey(name);

    public ulong? Option(string name) =>
        options.TryGetValue(name, out var value) ? ulong.Parse(value, CultureInfo.InvariantCulture) : null;

    public List<ulong>? List(string name) =>
        options.TryGetValue(name, out var value)
            ? [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => ulong.Parse(v, CultureInfo.InvariantCulture))]
            : null;
}
