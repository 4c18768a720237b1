using System.CommandLine;
using System.CommandLine.Help;

namespace ReefDB.Cli;

/// <summary>The <c>reefdb</c> command line: its subcommands, parsed and run against an environment.</summary>
internal static class CliApplication
{
    /// <summary>Parses <paramref name="args"/>, runs the chosen subcommand and returns the exit code
    /// (0 success; 1 an SQL error, failed logictest records, or bad arguments).</summary>
    public static int Run(string[] args, CliEnvironment environment)
    {
        // A plain Command rather than RootCommand, which would name itself after the assembly
        // (ReefDB.Cli) in help and usage lines.
        var root = new Command("reefdb", "The ReefDB command-line tool.")
        {
            new HelpOption(),
            SqlSubcommand.Create(environment),
            LogicTestSubcommand.Create(environment),
            ServeSubcommand.Create(environment),
            AdminSubcommand.Create(environment),
            Bench.BenchSubcommand.Create(environment),
        };
        // No Ctrl-C handling here: `serve` stops through its host's lifetime (Ctrl-C, SIGTERM), which must not be
        // cut short by the parser's own termination timeout.
        var configuration = new InvocationConfiguration { Output = environment.Output, Error = environment.Error, ProcessTerminationTimeout = null };
        var exitCode = root.Parse(args).Invoke(configuration);
        environment.Output.Flush();
        return exitCode;
    }
}
