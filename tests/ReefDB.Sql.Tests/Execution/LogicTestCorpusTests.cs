namespace ReefDB.Sql.Tests.Execution;

public sealed class LogicTestCorpusTests
{
    private readonly ITestOutputHelper output;

    private readonly List<string> lines = [];

    public LogicTestCorpusTests(ITestOutputHelper output) => this.output = output;

    private void Log(string line)
    {
        lines.Add(line);
        output.WriteLine(line);
    }

    /// <summary>Opt-in (REEFDB_LOGICTEST=path): runs sqllogictest files and prints pass counts per file.</summary>
    [Fact]
    public void Corpus_pass_rate_is_reported()
    {
        var path = Environment.GetEnvironmentVariable("REEFDB_LOGICTEST");
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        var files = File.Exists(path) ? [path] : Directory.GetFiles(path, "*.test", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        int passed = 0, failed = 0;
        foreach (var file in files)
        {
            var r = LogicTestRunner.Run(File.ReadAllText(file));
            passed += r.Passed;
            failed += r.Failed;
            Log($"{file}: {r.Passed} passed, {r.Failed} failed");
            foreach (var f in r.Failures.Take(int.Parse(Environment.GetEnvironmentVariable("REEFDB_SHOW") ?? "3", System.Globalization.CultureInfo.InvariantCulture)))
            {
                Log("   " + f.Replace("\n", "\n   ", StringComparison.Ordinal));
            }
        }

        Log($"{passed} passed, {failed} failed");
        if (Environment.GetEnvironmentVariable("REEFDB_LOGICTEST_OUT") is { Length: > 0 } report)
        {
            File.WriteAllText(report, string.Join("\n", lines));
        }
    }
}
