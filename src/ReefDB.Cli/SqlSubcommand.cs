using System.CommandLine;
using ReefDB.Cli.Output;
using ReefDB.Cli.Sessions;
using ReefDB.Cli.Shell;

namespace ReefDB.Cli;

/// <summary>
/// <c>reefdb sql [--db :memory:|PATH] [--format table|csv|json] [SQL]</c>: runs the SQL argument, else the
/// statements piped to standard input (each run and printed as soon as its <c>;</c> arrives), else, on
/// a terminal, the interactive shell. A script stops at its first error, which is printed to standard
/// error as <c>ERROR: SQLSTATE: message</c>, and the exit code is then 1.
/// </summary>
internal static class SqlSubcommand
{
    /// <summary>The name of a new, empty in-memory database (any other value is a directory).</summary>
    public const string InMemory = ":memory:";

    public static Command Create(CliEnvironment environment)
    {
        var database = new Option<string>("--db")
        {
            Description = "The database: :memory: (a new, empty in-memory database, the default) or the directory of a durable one (created when missing).",
            DefaultValueFactory = _ => InMemory,
            HelpName = "PATH",
        };
        var format = new Option<string>("--format")
        {
            Description = "How results print: table (psql-like, with command tags), csv or json (rows only, for scripts).",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var sql = new Argument<string?>("SQL")
        {
            Description = "Statements to run, separated by ';'. Without it: standard input, or the shell on a terminal.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("sql", "Run SQL on a ReefDB database, or open the interactive shell.")
        {
            database,
            format,
            sql,
        };
        command.SetAction(parse => Run(
            environment,
            parse.GetValue(database) ?? InMemory,
            ParseFormat(parse.GetValue(format)),
            parse.GetValue(sql)));
        return command;
    }

    internal static int Run(CliEnvironment environment, string database, OutputFormat format, string? sql)
    {
        ISqlSession session;
        try
        {
            session = string.Equals(database, InMemory, StringComparison.Ordinal)
                ? environment.Sessions.OpenInMemory()
                : environment.Sessions.Open(database);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            environment.Error.Write($"ERROR: {OpenErrorState(e)}: cannot open database \"{database}\": {e.Message}\n");
            return 1;
        }

        using (session)
        {
            return Run(environment, session, format, sql);
        }
    }

    private static int Run(CliEnvironment environment, ISqlSession session, OutputFormat format, string? sql)
    {
        var printer = new StatementPrinter(session, ResultWriters.Create(format, environment.Output), environment.Error);
        var runner = new ScriptRunner(printer);
        if (sql is not null)
        {
            return runner.Feed(sql, stopOnError: true) && runner.Finish(stopOnError: true) ? 0 : 1;
        }

        if (environment.InputIsTerminal)
        {
            return new InteractiveShell(runner, environment.OpenLineSource(), environment.Output).Run();
        }

        while (environment.Input.ReadLine() is { } line)
        {
            if (!runner.Feed(line + "\n", stopOnError: true))
            {
                return 1;
            }
        }

        return runner.Finish(stopOnError: true) ? 0 : 1;
    }

    /// <summary>PostgreSQL's codes: XX001 data_corrupted, 55006 object_in_use (another process holds the
    /// directory), 58030 io_error for the rest.</summary>
    private static string OpenErrorState(Exception error) => error switch
    {
        Raft.Storage.RaftStorageCorruptionException => "XX001",
        IOException when error.Message.Contains("being used by another process", StringComparison.OrdinalIgnoreCase) => "55006",
        _ => "58030",
    };

    private static OutputFormat ParseFormat(string? text) => text switch
    {
        "csv" => OutputFormat.Csv,
        "json" => OutputFormat.Json,
        _ => OutputFormat.Table,
    };
}
