namespace ReefDB.Cli.Bench;

/// <summary>
/// When a warm-up may stop. A freshly started ReefDB node first runs its ReadyToRun code, then recompiles its hot
/// methods in the background (tiered compilation) for several seconds, and its rate climbs, not monotonically: while
/// the compiler takes CPU a slice can be slower than the one before (a fresh three-node cluster measured 389, 289,
/// 281 ops/s at one client, then 425, 675, 862, 853). So the load is steady only once the last <see cref="Window"/>
/// slices agree within <see cref="Tolerance"/> and sit within it of the best slice before them: the rate has held
/// for a while, no longer rises, and is back at what the target already showed it can do.
/// </summary>
/// <remarks>A long slow spell of the disk after a good slice keeps the warm-up going until its limit, which the
/// report then flags; waiting is the price of never measuring a server that has not finished compiling.</remarks>
internal static class SteadyRate
{
    /// <summary>Relative spread allowed inside the window, and against the best earlier slice.</summary>
    public const double Tolerance = 0.10;

    /// <summary>Consecutive slices that must agree.</summary>
    public const int Window = 3;

    /// <summary>Slices before any verdict: the window plus at least one earlier slice to compare it with.</summary>
    public const int MinimumSlices = Window + 1;

    /// <summary>Methods a target's servers may compile in one slice with the compiler counted as done: a warmed-up node
    /// still compiles now and then (a path taken for the first time, the bench's own scrapes), but nothing like the
    /// thousands of recompilations of its first seconds.</summary>
    public const long QuietCompilations = 50;

    /// <summary>True when <paramref name="compiledInSlice"/> methods compiled during a slice leave the rate to be judged.</summary>
    public static bool CompilerIsQuiet(long compiledInSlice) => compiledInSlice <= QuietCompilations;

    public static bool IsSteady(IReadOnlyList<double> sliceOpsPerSecond)
    {
        if (sliceOpsPerSecond.Count < MinimumSlices)
        {
            return false;
        }

        var window = sliceOpsPerSecond.Skip(sliceOpsPerSecond.Count - Window).ToList();
        var bestBefore = sliceOpsPerSecond.Take(sliceOpsPerSecond.Count - Window).Max();
        var lowest = window.Min();
        var highest = window.Max();
        return lowest > 0
            && lowest >= highest * (1 - Tolerance)
            && highest <= bestBefore * (1 + Tolerance)
            && lowest >= bestBefore * (1 - Tolerance);
    }
}
