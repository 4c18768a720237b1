using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ReefDB.Benchmarks.Durable;
using ReefDB.Benchmarks.FullText;
using ReefDB.Benchmarks.Sql;

namespace ReefDB.Benchmarks;

internal static class Program
{
    private const string SharedMachineFlag = "--shared-machine";

    private static int Main(string[] args)
    {
        if (args is ["memory"])
        {
            return MemoryFootprint.Run();
        }

        if (args is ["durable", .. var durable])
        {
            return DurableBenchmark.Run(durable);
        }

        if (args is ["fts", .. var fts])
        {
            return FtsBenchmark.Run(fts);
        }

        if (args is ["cpu-ratios", .. var workloads])
        {
            return CpuTimeRatios.Run(workloads);
        }

        if (args.Contains(SharedMachineFlag))
        {
            // A short job in this process: no per-job project build (minutes on a loaded machine), and a long
            // timeout because the setups load millions of rows. Ratios against the in-process peer stay valid.
            var job = Job.ShortRun.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromHours(2), logOutput: true));
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly)
                .Run([.. args.Where(a => a != SharedMachineFlag)], DefaultConfig.Instance.AddJob(job));
            return 0;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
