using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ReefDB.Node.Configuration;

/// <summary>
/// The YAML file, flattened into configuration keys (<c>peers:0:node_id</c>) with the line of each value.
/// </summary>
/// <remarks>A hand-written flattening over YamlDotNet's representation model, rather than a YAML provider
/// package, because validation needs each value's line and MEC's providers do not keep it.</remarks>
internal sealed class YamlLayer : LayerProvider
{
    private readonly string path;
    private readonly Dictionary<string, Mark> marks = new(StringComparer.OrdinalIgnoreCase);

    public YamlLayer(string path, string text)
    {
        this.path = path;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
            {
                return;
            }

            if (stream.Documents.Count > 1)
            {
                Errors.Add($"{path}: expected one YAML document, found {stream.Documents.Count}");
            }

            if (stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                Errors.Add($"{At(stream.Documents[0].RootNode.Start)}: expected a mapping of fields (key: value) at the top level");
                return;
            }

            Flatten(root, prefix: null);
        }
        catch (YamlException e)
        {
            Errors.Add($"{At(e.Start)}: invalid YAML: {e.Message}");
        }
    }

    public override string Origin(string key) =>
        marks.TryGetValue(key, out var mark) ? At(mark) : path;

    private string At(Mark mark) => string.Create(CultureInfo.InvariantCulture, $"{path}:{mark.Line}:{mark.Column}");

    private void Flatten(YamlNode node, string? prefix)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (keyNode, value) in mapping.Children)
                {
                    if (keyNode is not YamlScalarNode { Value: { Length: > 0 } name })
                    {
                        Errors.Add($"{At(keyNode.Start)}: expected a field name");
                        continue;
                    }

                    Flatten(value, prefix is null ? name : $"{prefix}:{name}");
                }

                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    Flatten(sequence.Children[i], string.Create(CultureInfo.InvariantCulture, $"{prefix}:{i}"));
                }

                if (sequence.Children.Count == 0 && prefix is not null)
                {
                    Set(prefix, string.Empty, node.Start);
                }

                break;
            case YamlScalarNode scalar when prefix is not null:
                // "~" and an empty value both mean "not set": the field keeps its default.
                var isNull = scalar.Style == ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null";
                Set(prefix, isNull ? string.Empty : scalar.Value ?? string.Empty, node.Start);
                break;
            default:
                Errors.Add($"{At(node.Start)}: unsupported YAML node");
                break;
        }
    }

    private void Set(string key, string value, Mark mark)
    {
        if (Data.ContainsKey(key))
        {
            Errors.Add($"{At(mark)}: field '{key.Replace(':', '.')}' is given twice");
        }

        Data[key] = value;
        marks[key] = mark;
    }
}
