using System.Text;
using ReefDB.Cli.Sessions;
using ReefDB.Cli.Shell;

namespace ReefDB.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        // Results are flushed per statement by the writers; buffering in between keeps large
        // results from costing a system call per line.
        using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16);
        var environment = new CliEnvironment(
            Console.In,
            output,
            Console.Error,
            InputIsTerminal: !Console.IsInputRedirected,
            OpenLineSource: () => RadLineSource.IsSupported ? new RadLineSource() : new PlainLineSource(Console.In, output),
            Sessions: new EngineSessionFactory());
        return CliApplication.Run(args, environment);
    }
}
