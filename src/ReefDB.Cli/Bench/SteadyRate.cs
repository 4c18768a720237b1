namespace ReefDB.Cli.Bench;

/// <summary>
/// When a warm-up may stop: a server still compiling its code or filling its caches gets faster slice after slice,
/// so the load is steady once the latest slice is no more than <see cref="Tolerance"/> faster than the best slice
/// before it. A slower slice counts as steady: on a shared disk a slow spell is noise, not warm-up, and waiting for
/// it to pass would only lengthen the run.
/// </summary>
internal static class SteadyRate
{
    /// <summary>Relative rise of the latest slice over the best earlier one still counted as steady.</summary>
    public const double Tolerance = 0.10;

    /// <summary>Slices before any verdict: the first holds the cold start, the second may still be climbing.</summary>
    public const int MinimumSlices = 3;

    public static bool IsSteady(IReadOnlyList<double> sliceOpsPerSecond)
    {
        if (sliceOpsPerSecond.Count < MinimumSlices)
        {
            return false;
        }

        var latest = sliceOpsPerSecond[^1];
        var bestBefore = sliceOpsPerSecond.Take(sliceOpsPerSecond.Count - 1).Max();
        return latest > 0 && latest <= bestBefore * (1 + Tolerance);
    }
}
