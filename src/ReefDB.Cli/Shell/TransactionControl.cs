namespace ReefDB.Cli.Shell;

/// <summary>
/// Recognises the statements that open and close a transaction block by their leading keywords.
/// </summary>
/// <remarks>
/// Needed because one call of the database is one transaction (ReefDB's simple-query semantics): a
/// BEGIN sent alone would be rolled back when its call ends. The CLI therefore sends a whole block,
/// BEGIN through COMMIT or ROLLBACK, as one call.
/// </remarks>
internal static class TransactionControl
{
    /// <summary>BEGIN or START TRANSACTION.</summary>
    public static bool Opens(string statement) => LeadingWords(statement, 2) switch
    {
        ["BEGIN", ..] => true,
        ["START", "TRANSACTION"] => true,
        _ => false,
    };

    /// <summary>COMMIT, END, ABORT, or ROLLBACK that is not ROLLBACK TO a savepoint.</summary>
    public static bool Closes(string statement) => LeadingWords(statement, 4) switch
    {
        ["COMMIT" or "END" or "ABORT", ..] => true,
        ["ROLLBACK", .. var rest] => !rest.Contains("TO"),
        _ => false,
    };

    /// <summary>Up to <paramref name="count"/> leading words, upper-cased, after blanks and comments.</summary>
    private static string[] LeadingWords(string statement, int count)
    {
        var words = new List<string>(count);
        var span = statement.AsSpan();
        var i = 0;
        while (i < span.Length && words.Count < count)
        {
            if (char.IsWhiteSpace(span[i]))
            {
                i++;
            }
            else if (span[i..].StartsWith("--"))
            {
                var end = span[i..].IndexOf('\n');
                i = end < 0 ? span.Length : i + end + 1;
            }
            else if (span[i..].StartsWith("/*"))
            {
                var end = span[(i + 2)..].IndexOf("*/");
                i = end < 0 ? span.Length : i + 2 + end + 2;
            }
            else if (char.IsAsciiLetter(span[i]))
            {
                var start = i;
                while (i < span.Length && (char.IsAsciiLetter(span[i]) || span[i] == '_'))
                {
                    i++;
                }

                words.Add(span[start..i].ToString().ToUpperInvariant());
            }
            else
            {
                break;
            }
        }

        return [.. words];
    }
}
