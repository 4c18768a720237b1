using BenchmarkDotNet.Running;
using ReefDB.Benchmarks.Sql;

namespace ReefDB.Benchmarks;

internal static class Program
{
    private static int Main(string[] args)
    {
        if (args is ["memory"])
        {
            return MemoryFootprint.Run();
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
