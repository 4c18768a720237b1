using System.Text;

namespace ReefDB.Raft.Tests.Interaction;

/// <summary>
/// A golden-file script: blocks of <c>command</c> lines (comments start with <c>#</c>), a <c>----</c> line, and the
/// expected output, separated by blank lines. Output never contains blank lines, so the format needs no escaping.
/// </summary>
internal sealed class ScriptFile
{
    public List<ScriptBlock> Blocks { get; } = [];

    public static ScriptFile Parse(string text)
    {
        var file = new ScriptFile();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var i = 0;
        while (i < lines.Length)
        {
            if (lines[i].Trim().Length == 0)
            {
                i++;
                continue;
            }

            var block = new ScriptBlock { Line = i + 1 };
            while (i < lines.Length && lines[i] != "----")
            {
                if (lines[i].Trim().Length == 0)
                {
                    throw new FormatException($"Line {i + 1}: blank line inside a command block (missing ----?).");
                }

                if (lines[i].StartsWith('#'))
                {
                    block.Comments.Add(lines[i]);
                }
                else
                {
                    block.Commands.Add(lines[i]);
                }

                i++;
            }

            i++; // skip ----
            while (i < lines.Length && lines[i].Trim().Length > 0)
            {
                block.Expected.Add(lines[i]);
                i++;
            }

            file.Blocks.Add(block);
        }

        return file;
    }

    public static string Render(IEnumerable<(ScriptBlock Block, IReadOnlyList<string> Output)> blocks)
    {
        var text = new StringBuilder();
        var first = true;
        foreach (var (block, output) in blocks)
        {
            if (!first)
            {
                text.Append('\n');
            }

            first = false;
            foreach (var comment in block.Comments)
            {
                text.Append(comment).Append('\n');
            }

            foreach (var command in block.Commands)
            {
                text.Append(command).Append('\n');
            }

            text.Append("----\n");
            foreach (var line in output)
            {
                text.Append(line).Append('\n');
            }
        }

        return text.ToString();
    }
}

internal sealed class ScriptBlock
{
    public int Line { get; init; }

    public List<string> Comments { get; } = [];

    public List<string> Commands { get; } = [];

    public List<string> Expected { get; } = [];
}
