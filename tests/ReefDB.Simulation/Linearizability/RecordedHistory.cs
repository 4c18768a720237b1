using System.Globalization;
using System.Text.RegularExpressions;

namespace ReefDB.Simulation.Linearizability;

/// <summary>
/// Reads a key's history back from the lines a failure report prints (<see cref="KvOperation.Describe"/>), so a
/// history that troubled the checker in a long run can become a unit test that no later change to the simulation
/// can silently alter. Lines starting with <c>#</c> followed by a space are comments.
/// </summary>
internal static partial class RecordedHistory
{
    public static List<KvOperation> Load(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Linearizability", "testdata", fileName);
        return [.. File.ReadLines(path).Where(line => line.StartsWith('#') && !line.StartsWith("# ", StringComparison.Ordinal)).Select(Parse)];
    }

    public static KvOperation Parse(string line)
    {
        var match = OperationLine().Match(line);
        if (!match.Success)
        {
            throw new FormatException($"Not an operation line: '{line}'.");
        }

        int Int(string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
        string? Value(string text) => text == "nil" ? null : text;
        var kind = match.Groups["kind"].Value switch
        {
            "put" => KvOperationKind.Put,
            "get" => KvOperationKind.Get,
            _ => KvOperationKind.Cas,
        };
        var outcome = match.Groups["outcome"].Value switch
        {
            "ok" => KvOutcome.Ok,
            "fail" => KvOutcome.Fail,
            _ => KvOutcome.Unknown,
        };
        var detail = match.Groups["detail"].Value;
        var (expected, value) = kind switch
        {
            KvOperationKind.Put => (null, match.Groups["a"].Value),
            KvOperationKind.Cas => (Value(match.Groups["a"].Value), match.Groups["b"].Value),
            _ => ((string?)null, (string?)null),
        };
        var end = match.Groups["return"].Value;
        return new KvOperation(
            Int("id"),
            Int("client"),
            kind,
            match.Groups["key"].Value,
            value,
            expected,
            Int("invoke"),
            end == "∞" ? long.MaxValue : long.Parse(end, CultureInfo.InvariantCulture),
            outcome,
            kind == KvOperationKind.Get && outcome == KvOutcome.Ok ? Value(detail) : null,
            detail == "swapped");
    }

    [GeneratedRegex(@"^#(?<id>\d+) c(?<client>\d+) (?<kind>put|get|cas)\((?<key>[^,)]+)(?:, (?<a>[^ )]+)(?: -> (?<b>[^ )]+))?)?\) \[(?<invoke>\d+), (?<return>\d+|∞)\] (?<outcome>ok|fail|unknown)(?: (?<detail>.+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex OperationLine();
}
