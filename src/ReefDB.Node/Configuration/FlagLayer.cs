namespace ReefDB.Node.Configuration;

/// <summary>Command-line flags, already parsed by the CLI into configuration keys and their text.</summary>
internal sealed class FlagLayer : LayerProvider
{
    public FlagLayer(IEnumerable<KeyValuePair<string, string?>> flags)
    {
        foreach (var (key, value) in flags)
        {
            if (value is not null)
            {
                Data[key] = value;
            }
        }
    }

    public override string Origin(string key) => "flag --" + key.Replace(':', '-').Replace('_', '-');
}
