using System.Globalization;
using System.Text;

namespace ReefDB.FullText;

public sealed partial class TsVector
{
    /// <summary>PostgreSQL's output text, e.g. <c>'cat':1A 'fat':2</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        for (var i = 0; i < entries.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(' ');
            }

            AppendQuoted(sb, entries[i].Lexeme);
            var positions = entries[i].PositionArray;
            if (positions.Length == 0)
            {
                continue;
            }

            sb.Append(':');
            for (var j = 0; j < positions.Length; j++)
            {
                if (j > 0)
                {
                    sb.Append(',');
                }

                sb.Append(positions[j].Position.ToString(CultureInfo.InvariantCulture));
                if (positions[j].WeightCode != 0)
                {
                    sb.Append(positions[j].Weight);
                }
            }
        }

        return sb.ToString();
    }

    /// <summary>Quotes a lexeme as tsvector/tsquery output does: quotes and backslashes doubled.</summary>
    internal static void AppendQuoted(StringBuilder sb, string lexeme)
    {
        sb.Append('\'');
        foreach (var c in lexeme)
        {
            if (c is '\'' or '\\')
            {
                sb.Append(c);
            }

            sb.Append(c);
        }

        sb.Append('\'');
    }
}
