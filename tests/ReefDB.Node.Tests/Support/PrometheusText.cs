using System.Globalization;
using System.Text.RegularExpressions;

namespace ReefDB.Node.Tests.Support;

/// <summary>Reads a node's <c>GET /metrics</c> (Prometheus text format).</summary>
internal static class PrometheusText
{
    public static async Task<string> ScrapeAsync(HttpClient http)
    {
        using var response = await http.GetAsync("/metrics", TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"GET /metrics: {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The value of the sample <paramref name="name"/>{<paramref name="labels"/>}; fails when it is absent.</summary>
    public static double Value(string text, string name, string labels = "") =>
        TryValue(text, name, labels) ?? throw new Xunit.Sdk.XunitException($"no sample {name}{{{labels}}} in\n{text}");

    public static double? TryValue(string text, string name, string labels = "")
    {
        var pattern = labels.Length == 0 ? $@"^{Regex.Escape(name)} (\S+)$" : $@"^{Regex.Escape(name)}\{{{Regex.Escape(labels)}\}} (\S+)$";
        var match = Regex.Match(text, pattern, RegexOptions.Multiline);
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The type a family is declared with (<c># TYPE name counter</c>), or null when it is not exported.</summary>
    public static string? FamilyType(string text, string name)
    {
        var match = Regex.Match(text, $@"^# TYPE {Regex.Escape(name)} (\S+)$", RegexOptions.Multiline);
        return match.Success ? match.Groups[1].Value : null;
    }
}
