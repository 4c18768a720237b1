using ReefDB.Cli.Sessions;
using ReefDB.Cli.Shell;

namespace ReefDB.Cli.Tests.Fakes;

/// <summary>An in-process <c>reefdb</c>: standard streams are strings, the database is a fake.</summary>
internal sealed class TestEnvironment : IDisposable
{
    private readonly StringWriter output = new() { NewLine = "\n" };
    private readonly StringWriter error = new() { NewLine = "\n" };

    public TestEnvironment(Func<string, StatementOutcome> handler, string input = "", bool terminal = false, ILineSource? lines = null)
    {
        Sessions = new FakeSessionFactory(handler);
        Environment = new CliEnvironment(
            new StringReader(input), output, error, terminal,
            () => lines ?? throw new InvalidOperationException("no line source"), Sessions);
    }

    public FakeSessionFactory Sessions { get; }

    public CliEnvironment Environment { get; }

    public string Output => output.ToString();

    public string Error => error.ToString();

    public int Run(params string[] args) => CliApplication.Run(args, Environment);

    public void Dispose()
    {
        output.Dispose();
        error.Dispose();
    }
}

/// <summary>Feeds the shell scripted lines and records the prompts it showed.</summary>
internal sealed class ScriptedLines(params string[] lines) : ILineSource
{
    private readonly Queue<string> pending = new(lines);

    public List<string> Prompts { get; } = [];

    public string? ReadLine(string prompt)
    {
        Prompts.Add(prompt);
        return pending.TryDequeue(out var line) ? line : null;
    }
}
