using ReefDB.Cli.Sessions;
using ReefDB.Cli.Shell;

namespace ReefDB.Cli;

/// <summary>
/// Everything a subcommand touches outside itself: the three standard streams, whether standard input
/// is a terminal (an interactive shell) or a pipe (a script), how to read lines with editing, and how
/// to open databases. <see cref="Program"/> passes the real ones; tests pass strings and fakes.
/// </summary>
/// <param name="Input">Standard input, read as a script when it is not a terminal.</param>
/// <param name="Output">Standard output: results. Writers flush it after each statement.</param>
/// <param name="Error">Standard error: error lines and diagnostics.</param>
/// <param name="InputIsTerminal">True when a person types the input: <c>reefdb sql</c> then starts the shell.</param>
/// <param name="OpenLineSource">Creates the line reader of the interactive shell.</param>
/// <param name="Sessions">Opens databases.</param>
internal sealed record CliEnvironment(
    TextReader Input,
    TextWriter Output,
    TextWriter Error,
    bool InputIsTerminal,
    Func<ILineSource> OpenLineSource,
    ISqlSessionFactory Sessions);
