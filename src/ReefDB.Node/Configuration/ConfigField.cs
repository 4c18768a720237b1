namespace ReefDB.Node.Configuration;

/// <summary>One scalar configuration field: its YAML key, environment variables, flag, default and parser.</summary>
/// <param name="Key">YAML key (snake_case); also the configuration key.</param>
/// <param name="Expected">What a valid value looks like, used in error messages and docs.</param>
/// <param name="Default">The default as written in docs/CONFIG.md.</param>
/// <param name="Description">One line for docs and <c>--help</c>.</param>
/// <param name="Apply">Parses the text into the options; throws <see cref="FormatException"/> when invalid.</param>
/// <param name="EnvNames">Environment variables that set it (the first is the documented one).</param>
internal sealed record ConfigField(
    string Key,
    string Expected,
    string Default,
    string Description,
    Func<NodeOptions, string, NodeOptions> Apply,
    params string[] EnvNames)
{
    /// <summary>The command-line flag: the key in kebab-case.</summary>
    public string Flag => "--" + Key.Replace('_', '-');
}
