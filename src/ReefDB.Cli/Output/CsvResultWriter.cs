using ReefDB.Cli.Sessions;

namespace ReefDB.Cli.Output;

/// <summary>
/// CSV as RFC 4180 quotes it: a field holding a comma, a double quote, CR or LF is enclosed in double
/// quotes, with inner quotes doubled. Lines end with LF (as PostgreSQL's COPY … CSV writes them).
/// NULL is an empty unquoted field and the empty string is <c>""</c>, so the two stay apart, as in COPY.
/// Statements that return no rows print nothing.
/// </summary>
internal sealed class CsvResultWriter(TextWriter output) : IResultWriter
{
    public void Write(StatementOutcome outcome)
    {
        if (outcome.Columns is not { } columns)
        {
            return;
        }

        WriteLine(columns.Select(name => (object?)name).ToArray());
        foreach (var row in outcome.Rows)
        {
            WriteLine(row);
        }

        output.Flush();
    }

    private void WriteLine(object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0)
            {
                output.Write(',');
            }

            if (values[i] is { } value)
            {
                output.Write(Quote(ValueText.Format(value)));
            }
        }

        output.Write('\n');
    }

    internal static string Quote(string field) =>
        field.Length == 0 || field.AsSpan().IndexOfAny(",\"\r\n") >= 0
            ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : field;
}
