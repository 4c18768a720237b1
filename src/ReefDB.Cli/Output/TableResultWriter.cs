using System.Globalization;
using System.Text;
using ReefDB.Cli.Sessions;

namespace ReefDB.Cli.Output;

/// <summary>
/// psql's aligned format: a centred header, a <c>---+---</c> rule, numbers right-aligned and other values
/// left-aligned, a value spanning several lines continued with <c>+</c> at the column's edge, NULL as
/// blank, then <c>(N rows)</c> and a blank line. A statement without rows prints its command tag
/// (<c>INSERT 0 1</c>, <c>CREATE TABLE</c>); one with rows that is not a SELECT (… RETURNING) prints
/// the table and then its tag, as psql does. Trailing blanks are trimmed from every line.
/// </summary>
internal sealed class TableResultWriter(TextWriter output) : IResultWriter
{
    public void Write(StatementOutcome outcome)
    {
        if (outcome.Columns is { } columns)
        {
            WriteTable(columns, outcome.Rows);
            if (outcome.CommandTag.Length > 0 &&
                !outcome.CommandTag.StartsWith("SELECT", StringComparison.Ordinal))
            {
                output.Write(outcome.CommandTag);
                output.Write('\n');
            }
        }
        else if (outcome.CommandTag.Length > 0)
        {
            output.Write(outcome.CommandTag);
            output.Write('\n');
        }

        output.Flush();
    }

    private void WriteTable(IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows)
    {
        var cells = new string[rows.Count][][];
        var widths = columns.Select(name => name.Length).ToArray();
        var rightAligned = new bool[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            rightAligned[c] = rows.Count > 0 && rows.All(row => row[c] is null || ValueText.IsNumeric(row[c])) &&
                              rows.Any(row => row[c] is not null);
        }

        for (var r = 0; r < rows.Count; r++)
        {
            cells[r] = new string[columns.Count][];
            for (var c = 0; c < columns.Count; c++)
            {
                var lines = ValueText.Format(rows[r][c]).Split('\n');
                cells[r][c] = lines;
                widths[c] = Math.Max(widths[c], lines.Max(l => l.Length));
            }
        }

        var line = new StringBuilder();
        for (var c = 0; c < columns.Count; c++)
        {
            if (c > 0)
            {
                line.Append('|');
            }

            var padding = widths[c] - columns[c].Length;
            line.Append(' ', 1 + (padding / 2)).Append(columns[c]).Append(' ', 1 + padding - (padding / 2));
        }

        WriteTrimmed(line);
        for (var c = 0; c < columns.Count; c++)
        {
            line.Append(c > 0 ? "+" : string.Empty).Append('-', widths[c] + 2);
        }

        WriteTrimmed(line);
        foreach (var row in cells)
        {
            var height = row.Length == 0 ? 1 : row.Max(lines => lines.Length);
            for (var physical = 0; physical < height; physical++)
            {
                for (var c = 0; c < columns.Count; c++)
                {
                    var text = physical < row[c].Length ? row[c][physical] : string.Empty;
                    var continued = physical < row[c].Length - 1;
                    line.Append(c > 0 ? "|" : string.Empty).Append(' ');
                    line.Append(rightAligned[c] ? text.PadLeft(widths[c]) : text.PadRight(widths[c]));
                    line.Append(continued ? '+' : ' ');
                }

                WriteTrimmed(line);
            }
        }

        output.Write(string.Create(CultureInfo.InvariantCulture, $"({rows.Count} {(rows.Count == 1 ? "row" : "rows")})\n\n"));
    }

    private void WriteTrimmed(StringBuilder line)
    {
        var end = line.Length;
        while (end > 0 && line[end - 1] == ' ')
        {
            end--;
        }

        line.Length = end;
        output.Write(line.Append('\n'));
        line.Clear();
    }
}
