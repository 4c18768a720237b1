using System.Text.RegularExpressions;
using ReefDB.Sql.Errors;
using ReefDB.Sql.Syntax;

namespace ReefDB.Sql.Tests.Syntax;

/// <summary>
/// Real input: every statement of SQLite's sqllogictest corpus kept in ../shared/logictest (relative to
/// the repository) that applies to PostgreSQL must parse. Records marked <c>onlyif</c> another engine
/// or <c>skipif postgresql</c> are left out, and so are <c>statement error</c> records.
/// </summary>
public sealed class LogicTestCorpusTests
{
    // SQLite syntax the corpus does not mark but PostgreSQL rejects as well (so ReefDB does too):
    // an empty IN list, "x NOT NULL" for "x IS NOT NULL", and the INDEXED BY/NOT INDEXED hints.
    private static readonly Regex PostgresRejects = new(@"NOT\s+INDEXED|INDEXED\s+BY|IN\s*\(\s*\)|WHERE\s+\w+\s+NOT\s+NULL\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    // Bounds the test's time: the whole corpus holds about 250,000 statements.
    private const int MaxStatementsPerFile = 2500;

    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        var root = CorpusRoot();
        if (root is null)
        {
            data.Add("(corpus not found)");
            return data;
        }

        foreach (var file in Directory.GetFiles(root, "*.test", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Every_applicable_statement_parses(string file)
    {
        var root = CorpusRoot();
        if (root is null)
        {
            Assert.Skip("sqllogictest corpus not found beside the repository");
        }

        var failures = new List<string>();
        var parsed = 0;
        foreach (var (line, sql) in ApplicableStatements(Path.Combine(root, file)).Take(MaxStatementsPerFile))
        {
            try
            {
                SqlParser.Parse(sql);
                parsed++;
            }
            catch (SqlException e) when (e.SqlState == SqlStates.SyntaxError)
            {
                failures.Add($"line {line}: {e.DisplayMessage}: {sql}");
            }
        }

        Assert.True(parsed > 0);
        Assert.Empty(failures.Take(20));
    }

    private static string? CorpusRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("REEFDB_LOGICTEST_DIR");
        if (fromEnvironment is not null && Directory.Exists(fromEnvironment))
        {
            return fromEnvironment;
        }

        // The repository sits beside shared/ (../shared/logictest); a worktree may sit deeper.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "logictest");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The SQL of each <c>statement ok</c> and <c>query</c> record that applies to PostgreSQL.</summary>
    private static IEnumerable<(int Line, string Sql)> ApplicableStatements(string path)
    {
        var lines = File.ReadAllLines(path);
        var applies = true;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith("skipif ", StringComparison.Ordinal))
            {
                applies &= !line.Contains("postgresql", StringComparison.Ordinal);
                continue;
            }

            if (line.StartsWith("onlyif ", StringComparison.Ordinal))
            {
                applies &= line.Contains("postgresql", StringComparison.Ordinal);
                continue;
            }

            var isRecord = line.StartsWith("statement ok", StringComparison.Ordinal) || line.StartsWith("query ", StringComparison.Ordinal);
            if (line.StartsWith("statement ", StringComparison.Ordinal) || isRecord)
            {
                var start = i + 1;
                var sql = new List<string>();
                while (i + 1 < lines.Length && lines[i + 1].Length > 0 && lines[i + 1] != "----")
                {
                    sql.Add(lines[++i]);
                }

                var text = string.Join('\n', sql);
                if (isRecord && applies && !PostgresRejects.IsMatch(text))
                {
                    yield return (start + 1, text);
                }
            }

            if (line.Length == 0)
            {
                applies = true;
            }
        }
    }
}
