using System.Runtime;
using Prometheus;

namespace ReefDB.Node.Observability;

/// <summary>
/// The JIT's work in this process, read at each scrape. A node starts on its ReadyToRun code and recompiles its hot
/// methods in the background for its first seconds under load (tiered compilation), running at a fraction of its
/// later speed meanwhile: these counters show when that has finished, for an operator reading a slow start and for
/// <c>reefdb bench</c>, whose warm-up waits for them to stop moving.
/// </summary>
internal static class RuntimeMetrics
{
    public const string CompiledMethods = "reefdb_jit_compiled_methods_total";

    public static void Register(CollectorRegistry registry, IMetricFactory factory)
    {
        var methods = factory.CreateCounter(CompiledMethods, "Methods compiled by the JIT since the process started (first compilations and tier-up recompilations).");
        var seconds = factory.CreateCounter("reefdb_jit_compilation_seconds_total", "Time the JIT spent compiling since the process started.");
        registry.AddBeforeCollectCallback(() =>
        {
            methods.IncTo(JitInfo.GetCompiledMethodCount());
            seconds.IncTo(JitInfo.GetCompilationTime().TotalSeconds);
        });
    }
}
