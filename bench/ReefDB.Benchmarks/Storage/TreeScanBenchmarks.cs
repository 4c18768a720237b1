using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using ReefDB.Storage.Trees;

namespace ReefDB.Benchmarks.Storage;

/// <summary>Ordered scans of a 1M-entry map: a full scan, and 1,000-entry ranges from random starts.</summary>
[MemoryDiagnoser]
public class TreeScanBenchmarks
{
    private const int Size = 1_000_000;
    private long[] starts = [];
    private PersistentTree<long, long> tree = PersistentTree<long, long>.Empty();
    private SortedDictionary<long, long> sorted = [];
    private SortedSet<long> set = [];
    private ImmutableSortedDictionary<long, long> immutable = ImmutableSortedDictionary<long, long>.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var entries = Enumerable.Range(0, Size).Select(i => KeyValuePair.Create(i * 2L, (long)i)).ToList();
        tree = PersistentTree<long, long>.FromSorted(entries);
        sorted = new SortedDictionary<long, long>(entries.ToDictionary());
        set = [.. entries.Select(e => e.Key)];
        immutable = entries.ToImmutableSortedDictionary();
        starts = TreeData.ShuffledKeys(Size - 2000).Take(100).ToArray();
    }

    [Benchmark(Baseline = true)]
    public long PersistentTree_FullScan()
    {
        long sum = 0;
        foreach (var entry in tree)
        {
            sum += entry.Value;
        }

        return sum;
    }

    [Benchmark]
    public long PersistentTree_FullScan_Descending()
    {
        long sum = 0;
        foreach (var entry in tree.Reverse())
        {
            sum += entry.Value;
        }

        return sum;
    }

    [Benchmark]
    public long SortedDictionary_FullScan()
    {
        long sum = 0;
        foreach (var entry in sorted)
        {
            sum += entry.Value;
        }

        return sum;
    }

    [Benchmark]
    public long ImmutableSortedDictionary_FullScan()
    {
        long sum = 0;
        foreach (var entry in immutable)
        {
            sum += entry.Value;
        }

        return sum;
    }

    /// <summary>100 range scans of 1,000 entries each.</summary>
    [Benchmark(OperationsPerInvoke = 100)]
    public long PersistentTree_Range1000()
    {
        long sum = 0;
        foreach (long start in starts)
        {
            foreach (var entry in tree.Range(KeyBound.Inclusive(start), KeyBound.Exclusive(start + 2000)))
            {
                sum += entry.Value;
            }
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = 100)]
    public long SortedSet_GetViewBetween1000()
    {
        long sum = 0;
        foreach (long start in starts)
        {
            foreach (long key in set.GetViewBetween(start, start + 1998))
            {
                sum += key;
            }
        }

        return sum;
    }
}
