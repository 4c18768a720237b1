using System.Globalization;

namespace ReefDB.Cli.Bench;

/// <summary>Reads one unlabelled sample out of a Prometheus text exposition (what the bench needs of a node's
/// <c>/metrics</c>; a full parser would be a library for one number).</summary>
internal static class MetricsText
{
    /// <summary>The value of the sample named <paramref name="name"/> without labels, or null when there is none.</summary>
    public static long? Counter(string text, string name)
    {
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (line.StartsWith(name, StringComparison.Ordinal) && line.Length > name.Length && line[name.Length] == ' ')
            {
                var value = line[(name.Length + 1)..].Trim();
                var end = value.IndexOf(' ');
                return (long)double.Parse(end < 0 ? value : value[..end], NumberStyles.Float, CultureInfo.InvariantCulture);
            }
        }

        return null;
    }
}
