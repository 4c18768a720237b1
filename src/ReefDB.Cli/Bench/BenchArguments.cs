using System.Globalization;

namespace ReefDB.Cli.Bench;

/// <summary>Parses the list- and duration-valued arguments of <c>reefdb bench</c>; each throws
/// <see cref="FormatException"/> with a message naming the flag and what was expected.</summary>
internal static class BenchArguments
{
    /// <summary>"1,16,64" → [1, 16, 64]; each between 1 and 4096, none twice.</summary>
    public static IReadOnlyList<int> ParseClients(string text)
    {
        var counts = new List<int>();
        foreach (var part in SplitList(text, "--clients"))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count is < 1 or > 4096)
            {
                throw new FormatException($"--clients: '{part}' is not a client count between 1 and 4096");
            }

            if (counts.Contains(count))
            {
                throw new FormatException($"--clients: {count} is listed twice");
            }

            counts.Add(count);
        }

        return counts;
    }

    /// <summary>"host:port,host:port" → the addresses, each checked to have a host and a port.</summary>
    public static IReadOnlyList<string> ParseEndpoints(string text, string flag)
    {
        var endpoints = new List<string>();
        foreach (var part in SplitList(text, flag))
        {
            var address = part.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? part["http://".Length..] : part;
            var colon = address.LastIndexOf(':');
            if (colon <= 0 || !int.TryParse(address[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            {
                throw new FormatException($"{flag}: '{part}' is not host:port");
            }

            endpoints.Add(address);
        }

        return endpoints;
    }

    /// <summary>"insert,get" → the workloads, in the order given.</summary>
    public static IReadOnlyList<BenchWorkload> ParseWorkloads(string text) =>
        ParseEnumList<BenchWorkload>(text, "--workloads", "insert or get");

    /// <summary>"spread,leader" → the placements, in the order given.</summary>
    public static IReadOnlyList<ClientPlacement> ParsePlacements(string text) =>
        ParseEnumList<ClientPlacement>(text, "--placement", "spread or leader");

    /// <summary>"10s", "500ms", "2m" or a bare number of seconds ("1.5"); positive, at most a day.</summary>
    public static TimeSpan ParseDuration(string text, string flag)
    {
        var trimmed = text.Trim();
        var (number, scale) = trimmed switch
        {
            _ when trimmed.EndsWith("ms", StringComparison.OrdinalIgnoreCase) => (trimmed[..^2], 0.001),
            _ when trimmed.EndsWith('s') || trimmed.EndsWith('S') => (trimmed[..^1], 1.0),
            _ when trimmed.EndsWith('m') || trimmed.EndsWith('M') => (trimmed[..^1], 60.0),
            _ => (trimmed, 1.0),
        };
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ||
            value * scale is not (>= 0 and <= 86400))
        {
            throw new FormatException($"{flag}: '{text}' is not a duration such as 10s, 500ms or 2m");
        }

        return TimeSpan.FromSeconds(value * scale);
    }

    private static List<T> ParseEnumList<T>(string text, string flag, string expected)
        where T : struct, Enum
    {
        var values = new List<T>();
        foreach (var part in SplitList(text, flag))
        {
            if (!Enum.TryParse<T>(part, ignoreCase: true, out var value) || !Enum.IsDefined(value) || char.IsDigit(part[0]))
            {
                throw new FormatException($"{flag}: '{part}' is not {expected}");
            }

            if (!values.Contains(value))
            {
                values.Add(value);
            }
        }

        return values;
    }

    private static string[] SplitList(string text, string flag)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            throw new FormatException($"{flag}: expected a comma-separated list, got '{text}'");
        }

        return parts;
    }
}
