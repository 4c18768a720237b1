using Microsoft.Extensions.Configuration;

namespace ReefDB.Node.Configuration;

/// <summary>
/// A configuration layer that can say where each of its values came from (a YAML line, an environment
/// variable, a flag), so that a validation error points at the text the operator has to fix.
/// </summary>
internal abstract class LayerProvider : ConfigurationProvider, IConfigurationSource
{
    /// <summary>Problems found while reading the layer itself (e.g. a YAML syntax error).</summary>
    public List<string> Errors { get; } = [];

    /// <summary>Notes that do not stop the node (e.g. an unknown <c>REEFDB_</c> variable).</summary>
    public List<string> Warnings { get; } = [];

    /// <summary>The keys this layer sets, in MEC's colon form (<c>peers:0:addr</c>).</summary>
    public IEnumerable<string> Keys => Data.Keys;

    /// <summary>Where the value of <paramref name="key"/> came from, for messages.</summary>
    public abstract string Origin(string key);

    /// <inheritdoc />
    public IConfigurationProvider Build(IConfigurationBuilder builder) => this;
}
