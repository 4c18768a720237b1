using ReefDB.Sql.Errors;

namespace ReefDB.Sql.Syntax;

/// <summary>Turns character offsets into 1-based line/column positions for error messages.</summary>
internal sealed class SourceMap
{
    // lineStarts[i] is the offset of the first character of line i+1; always starts with 0.
    private readonly List<int> lineStarts = [0];

    public SourceMap(string text)
    {
        Text = text;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lineStarts.Add(i + 1);
            }
        }
    }

    public string Text { get; }

    public SourcePosition PositionOf(int offset)
    {
        var line = lineStarts.BinarySearch(offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return new SourcePosition(line + 1, offset - lineStarts[line] + 1, offset);
    }
}
