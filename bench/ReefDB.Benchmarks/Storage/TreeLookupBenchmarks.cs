using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using ReefDB.Storage.Trees;

namespace ReefDB.Benchmarks.Storage;

/// <summary>Point lookups of present keys in a 1M-entry map: 1,000 lookups per operation, random order.</summary>
[MemoryDiagnoser]
public class TreeLookupBenchmarks
{
    private const int Size = 1_000_000;
    private long[] probes = [];
    private PersistentTree<long, string> tree = PersistentTree<long, string>.Empty();
    private SortedDictionary<long, string> sorted = [];
    private ImmutableSortedDictionary<long, string> immutable = ImmutableSortedDictionary<long, string>.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var entries = Enumerable.Range(0, Size).Select(i => KeyValuePair.Create(i * 2L, "v")).ToList();
        tree = PersistentTree<long, string>.FromSorted(entries);
        sorted = new SortedDictionary<long, string>(entries.ToDictionary());
        immutable = entries.ToImmutableSortedDictionary();
        probes = TreeData.ShuffledKeys(Size).Take(1000).ToArray();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 1000)]
    public int PersistentTree_TryGetValue()
    {
        int found = 0;
        foreach (long key in probes)
        {
            found += tree.TryGetValue(key, out _) ? 1 : 0;
        }

        return found;
    }

    [Benchmark(OperationsPerInvoke = 1000)]
    public int SortedDictionary_TryGetValue()
    {
        int found = 0;
        foreach (long key in probes)
        {
            found += sorted.TryGetValue(key, out _) ? 1 : 0;
        }

        return found;
    }

    [Benchmark(OperationsPerInvoke = 1000)]
    public int ImmutableSortedDictionary_TryGetValue()
    {
        int found = 0;
        foreach (long key in probes)
        {
            found += immutable.TryGetValue(key, out _) ? 1 : 0;
        }

        return found;
    }
}
