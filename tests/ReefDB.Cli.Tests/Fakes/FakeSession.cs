using ReefDB.Cli.Sessions;
using ReefDB.Cli.Shell;

namespace ReefDB.Cli.Tests.Fakes;

/// <summary>
/// A scripted session: each statement of a call (split on ';' by the CLI's own splitter) goes to
/// <see cref="Handler"/>, which answers with one outcome; an error's position, given relative to the
/// statement, is moved to the whole call's text, as the engine reports it. Records every call and
/// every statement it was given.
/// </summary>
internal sealed class FakeSession(Func<string, StatementOutcome> handler) : ISqlSession
{
    public Func<string, StatementOutcome> Handler { get; } = handler;

    public List<string> Executed { get; } = [];

    public List<string> Calls { get; } = [];

    public bool Disposed { get; private set; }

    public IEnumerable<StatementOutcome> Execute(string sql, CancellationToken cancellationToken = default)
    {
        Calls.Add(sql);
        foreach (var statement in ScriptSplitter.Split(sql))
        {
            Executed.Add(statement.Text);
            var outcome = Handler(statement.Text);
            if (outcome.Error is { } error)
            {
                yield return StatementOutcome.Failed(error.ShiftedBy(statement.Line, statement.Column));
                yield break;
            }

            yield return outcome;
        }
    }

    public void Dispose() => Disposed = true;
}

/// <summary>Opens <see cref="FakeSession"/>s that share one handler; keeps them for inspection.</summary>
internal sealed class FakeSessionFactory(Func<string, StatementOutcome> handler) : ISqlSessionFactory
{
    public List<FakeSession> Opened { get; } = [];

    public List<string> OpenedPaths { get; } = [];

    public ISqlSession OpenInMemory()
    {
        var session = new FakeSession(handler);
        Opened.Add(session);
        return session;
    }

    public ISqlSession Open(string directory)
    {
        OpenedPaths.Add(directory);
        return OpenInMemory();
    }
}
