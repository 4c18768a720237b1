using System.Globalization;

namespace ReefDB.Benchmarks.Sql;

/// <summary>
/// Retained managed heap of 1M rows of (BIGINT PRIMARY KEY, TEXT of 32 characters), against the budget of
/// issue 2 (250 MB). Retained memory, not allocations, is what a user pays, so this is measured with a full
/// collection before and after loading rather than with BenchmarkDotNet's allocation counters.
/// Run: <c>dotnet run -c Release --project bench/ReefDB.Benchmarks -- memory</c>
/// </summary>
internal static class MemoryFootprint
{
    private const int Rows = 1_000_000;
    private const long BudgetBytes = 250L * 1024 * 1024;

    public static int Run()
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        using var reef = ReefDatabase.OpenInMemory();
        reef.Execute("CREATE TABLE t (k BIGINT PRIMARY KEY, v TEXT)");
        reef.Execute($"INSERT INTO t (k, v) {Series.Of(Rows)} SELECT x, 'a value of thirty-two characters' FROM g");
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(reef);

        var used = after - before;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"1M rows (BIGINT PRIMARY KEY, TEXT(32)): {used / (1024.0 * 1024.0):F1} MB managed heap (budget {BudgetBytes / (1024 * 1024)} MB), {used / (double)Rows:F0} bytes/row"));
        return used <= BudgetBytes ? 0 : 1;
    }
}
