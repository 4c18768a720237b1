using System.Globalization;

namespace ReefDB.Testing;

/// <summary>
/// Knobs that lengthen or replay seeded tests from the environment (seeds, rounds, runs). One source file linked
/// into the test projects that have such tests, so every knob is read the same way.
/// </summary>
internal static class TestSettings
{
    /// <summary>The integer in environment variable <paramref name="name"/>, or <paramref name="fallback"/> when it is
    /// unset or not an integer.</summary>
    public static int Int(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : fallback;
}
