using System.CommandLine;
using ReefDB.Cli.LogicTest;

namespace ReefDB.Cli;

/// <summary>
/// <c>reefdb logictest [--verbose] [--timeout SECONDS] PATH...</c>: runs sqllogictest files, and the
/// <c>*.test</c> files found under folders (recursively, in ordinal path order). Prints a line per file,
/// then <c>N passed, M failed</c> over all records; the exit code is 1 when any record failed or a
/// path does not exist.
/// </summary>
internal static class LogicTestSubcommand
{
    public static Command Create(CliEnvironment environment)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Test files, or folders searched recursively for *.test files.",
            Arity = ArgumentArity.OneOrMore,
        };
        var verbose = new Option<bool>("--verbose", "-v")
        {
            Description = "Show each failure with its SQL, the expected and the actual result.",
        };
        var timeout = new Option<double>("--timeout")
        {
            Description = "Seconds one record may run before it fails and the rest of its file is given up.",
            DefaultValueFactory = _ => LogicTestOptions.DefaultTimeout.TotalSeconds,
        };
        timeout.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is not (> 0 and < 86400))
            {
                result.AddError("--timeout must be a number of seconds between 0 and 86400.");
            }
        });
        var command = new Command("logictest", "Run sqllogictest files against a fresh in-memory database each.")
        {
            paths,
            verbose,
            timeout,
        };
        command.SetAction(parse => Run(
            environment,
            parse.GetValue(paths) ?? [],
            new LogicTestOptions(parse.GetValue(verbose), TimeSpan.FromSeconds(parse.GetValue(timeout)), LogicTestOptions.ReefDbNames)));
        return command;
    }

    internal static int Run(CliEnvironment environment, IReadOnlyList<string> paths, LogicTestOptions options)
    {
        var files = new List<string>();
        var missing = false;
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, "*.test", SearchOption.AllDirectories).ToList();
                found.Sort(StringComparer.Ordinal);
                files.AddRange(found);
            }
            else
            {
                environment.Error.Write($"{path}: no such file or folder\n");
                missing = true;
            }
        }

        var total = new LogicTestRunner(environment.Sessions, environment.Output, options).Run(files);
        environment.Output.Write($"{total.Passed} passed, {total.Failed} failed\n");
        environment.Output.Flush();
        return total.Failed > 0 || missing ? 1 : 0;
    }
}
