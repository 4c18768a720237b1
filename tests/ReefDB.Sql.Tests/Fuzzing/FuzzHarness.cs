using System.Globalization;
using System.Text;

namespace ReefDB.Sql.Tests.Fuzzing;

/// <summary>A mismatch or a rejected valid statement found by a fuzz case.</summary>
internal sealed class FuzzFailure(string message) : Exception(message);

/// <summary>
/// Runs fuzz cases by seed, each under a timeout (a hang is a failure), and reports the failures with the
/// seed, the SQL and how to replay. Environment variables: <c>REEFDB_SQL_FUZZ_CASES</c> sets the number of
/// cases per test (longer runs), <c>REEFDB_SQL_FUZZ_SEED</c> runs a single seed (replay),
/// <c>REEFDB_SQL_FUZZ_STATS</c> names a file to append what was checked (counts by outcome).
/// </summary>
internal static class FuzzHarness
{
    private const int MaxReportedFailures = 5;
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(60);

    public static void Run(string testName, int firstSeed, int defaultCases, Action<int, FuzzTrace> runCase)
    {
        var failures = new List<string>();
        var stats = new FuzzStats();
        foreach (var seed in Seeds(firstSeed, defaultCases))
        {
            var trace = new FuzzTrace { Stats = stats };
            var task = Task.Run(() => runCase(seed, trace));
            string? problem = null;
            try
            {
                if (!task.Wait(CaseTimeout))
                {
                    problem = $"no answer within {CaseTimeout.TotalSeconds} s (a hang)\n-- schema and data:\n{trace.Schema?.Describe()}-- running:\n{trace.Current}";
                }
            }
            catch (AggregateException e)
            {
                var inner = e.InnerException!;
                problem = inner is FuzzFailure or FuzzCrashException ? inner.Message : $"unexpected {inner}";
            }

            if (problem is null)
            {
                continue;
            }

            failures.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"seed {seed}: {problem}\nreplay: REEFDB_SQL_FUZZ_SEED={seed} dotnet test --project tests/ReefDB.Sql.Tests/ReefDB.Sql.Tests.csproj -c Release -- --filter-method \"*{testName}*\""));
            if (failures.Count >= MaxReportedFailures || !task.IsCompleted)
            {
                break;
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine(stats.ToString());
        if (Environment.GetEnvironmentVariable("REEFDB_SQL_FUZZ_STATS") is { Length: > 0 } statsFile)
        {
            File.AppendAllText(statsFile, $"{testName}: {stats}\n");
        }

        Assert.True(failures.Count == 0, string.Join("\n\n==========\n", failures));
    }

    private static IEnumerable<int> Seeds(int firstSeed, int defaultCases)
    {
        if (Environment.GetEnvironmentVariable("REEFDB_SQL_FUZZ_SEED") is { Length: > 0 } one)
        {
            return [int.Parse(one, CultureInfo.InvariantCulture)];
        }

        var cases = Environment.GetEnvironmentVariable("REEFDB_SQL_FUZZ_CASES") is { Length: > 0 } n
            ? int.Parse(n, CultureInfo.InvariantCulture)
            : defaultCases;
        return Enumerable.Range(firstSeed, cases);
    }
}

/// <summary>What a case is running now, readable from another thread when it hangs.</summary>
internal sealed class FuzzTrace
{
    private volatile string current = string.Empty;

    public FuzzSchema? Schema { get; set; }

    public FuzzStats Stats { get; init; } = new();

    public string Current
    {
        get => current;
        set => current = value;
    }
}

/// <summary>The statements a case ran so far, for the failure report.</summary>
internal sealed class FuzzLog(FuzzSchema schema)
{
    private readonly StringBuilder statements = new();

    public void Add(string sql) => statements.Append(sql).AppendLine(";");

    public FuzzFailure Failure(string problem, string sql, params (string Who, FuzzOutcome Outcome)[] outcomes)
    {
        var text = new StringBuilder(problem).AppendLine()
            .AppendLine("-- schema and data (indexes only in the indexed copy):").Append(schema.Describe());
        if (statements.Length > 0)
        {
            text.AppendLine("-- earlier statements:").Append(statements);
        }

        text.AppendLine("-- statement:").AppendLine(sql);
        foreach (var (who, outcome) in outcomes)
        {
            text.Append("-- ").Append(who).Append(": ").AppendLine(outcome.ToString());
        }

        return new FuzzFailure(text.ToString());
    }
}
