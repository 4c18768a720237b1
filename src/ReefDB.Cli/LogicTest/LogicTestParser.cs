using System.Globalization;
using System.Text.RegularExpressions;

namespace ReefDB.Cli.LogicTest;

/// <summary>
/// Reads sqllogictest records from text as FORMAT.wiki defines them: records are runs of non-blank
/// lines separated by blank (or all-white) lines; lines starting with <c>#</c> are removed first,
/// wherever they are; a record starts with any number of <c>skipif</c>/<c>onlyif</c> lines. Text after
/// a <c>#</c> on a command line is a comment (<c>skipif mysql # not compatible</c>). CR before LF is
/// dropped, so CRLF files read the same. Records stream out one at a time: a file is never held whole.
/// </summary>
internal static partial class LogicTestParser
{
    /// <summary>The records of <paramref name="reader"/>, in file order.</summary>
    public static IEnumerable<LogicTestRecord> Parse(TextReader reader)
    {
        var block = new List<(int Line, string Text)>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } raw)
        {
            lineNumber++;
            var line = raw.EndsWith('\r') ? raw[..^1] : raw;
            if (line.StartsWith('#'))
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                if (block.Count > 0)
                {
                    if (ToRecord(block) is { } record)
                    {
                        yield return record;
                    }

                    block.Clear();
                }

                continue;
            }

            block.Add((lineNumber, line));
        }

        if (block.Count > 0 && ToRecord(block) is { } last)
        {
            yield return last;
        }
    }

    /// <summary>Parses a whole text (tests and small files).</summary>
    public static IReadOnlyList<LogicTestRecord> Parse(string text)
    {
        using var reader = new StringReader(text);
        return Parse(reader).ToList();
    }

    private static LogicTestRecord? ToRecord(List<(int Line, string Text)> block)
    {
        var conditions = new List<RecordCondition>();
        var index = 0;
        for (; index < block.Count; index++)
        {
            var words = Words(block[index].Text);
            if (words.Length >= 2 && words[0] is "skipif" or "onlyif")
            {
                conditions.Add(new RecordCondition(words[0] == "onlyif", words[1]));
            }
            else
            {
                break;
            }
        }

        if (index == block.Count)
        {
            return null; // conditions with nothing to apply to
        }

        var (line, text) = block[index];
        var command = Words(text);
        var body = block.Skip(index + 1).Select(l => l.Text).ToList();
        return command switch
        {
            ["statement", "ok", ..] => new StatementRecord(line, conditions, ExpectError: false, Sql(body)),
            ["statement", "error", ..] => new StatementRecord(line, conditions, ExpectError: true, Sql(body)),
            ["query", var types, .. var rest] => Query(line, conditions, types, rest, body),
            ["hash-threshold", var n] when int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var threshold)
                => new HashThresholdRecord(line, conditions, threshold),
            ["halt"] => new HaltRecord(line, conditions),
            _ => new UnknownRecord(line, conditions, text),
        };
    }

    private static QueryRecord Query(int line, List<RecordCondition> conditions, string types, string[] rest, List<string> body)
    {
        var sort = SortMode.NoSort;
        var next = 0;
        if (rest.Length > 0 && ParseSort(rest[0]) is { } mode)
        {
            sort = mode;
            next = 1;
        }

        var label = rest.Length > next ? rest[next] : null;
        var separator = body.IndexOf("----");
        var sql = Sql(separator < 0 ? body : body[..separator]);
        var expected = separator < 0 ? [] : body[(separator + 1)..];
        HashedResult? hash = null;
        if (expected.Count == 1 && HashLine().Match(expected[0]) is { Success: true } match)
        {
            hash = new HashedResult(
                int.Parse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture),
                match.Groups[2].Value.ToLowerInvariant());
            expected = [];
        }

        return new QueryRecord(line, conditions, types, sort, label, sql, expected, hash);
    }

    private static SortMode? ParseSort(string word) => word switch
    {
        "nosort" => SortMode.NoSort,
        "rowsort" => SortMode.RowSort,
        "valuesort" => SortMode.ValueSort,
        _ => null,
    };

    private static string Sql(List<string> lines) => string.Join('\n', lines);

    /// <summary>The blank-separated words of a command line, up to a <c>#</c> comment.</summary>
    private static string[] Words(string line)
    {
        var words = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var comment = Array.FindIndex(words, w => w.StartsWith('#'));
        return comment < 0 ? words : words[..comment];
    }

    [GeneratedRegex(@"^\s*(\d+) values hashing to ([0-9a-fA-F]{32})\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex HashLine();
}
