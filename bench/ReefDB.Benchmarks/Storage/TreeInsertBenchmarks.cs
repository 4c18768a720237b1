using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using ReefDB.Storage.Trees;

namespace ReefDB.Benchmarks.Storage;

/// <summary>
/// Building a 100k-entry map from empty (random and ascending key order) through each collection's
/// mutable path, and single persistent edits on a 100k-entry tree.
/// </summary>
[MemoryDiagnoser]
public class TreeInsertBenchmarks
{
    private const int Size = 100_000;
    private long[] shuffled = [];
    private long[] ascending = [];
    private PersistentTree<long, string> tree = PersistentTree<long, string>.Empty();
    private ImmutableSortedDictionary<long, string> immutable = ImmutableSortedDictionary<long, string>.Empty;

    [GlobalSetup]
    public void Setup()
    {
        shuffled = TreeData.ShuffledKeys(Size);
        ascending = [.. shuffled.Order()];
        tree = PersistentTree<long, string>.FromSorted(ascending.Select(k => KeyValuePair.Create(k, "v")));
        immutable = ascending.ToImmutableSortedDictionary(k => k, _ => "v");
    }

    [Benchmark(Baseline = true)]
    public int PersistentTree_Builder_Random()
    {
        var builder = PersistentTree<long, string>.Empty().ToBuilder();
        foreach (long key in shuffled)
        {
            builder.Set(key, "v");
        }

        return builder.ToImmutable().Count;
    }

    [Benchmark]
    public int PersistentTree_Builder_Ascending()
    {
        var builder = PersistentTree<long, string>.Empty().ToBuilder();
        foreach (long key in ascending)
        {
            builder.Set(key, "v");
        }

        return builder.ToImmutable().Count;
    }

    [Benchmark]
    public int PersistentTree_FromSorted() =>
        PersistentTree<long, string>.FromSorted(ascending.Select(k => KeyValuePair.Create(k, "v"))).Count;

    [Benchmark]
    public int SortedDictionary_Random()
    {
        var map = new SortedDictionary<long, string>();
        foreach (long key in shuffled)
        {
            map[key] = "v";
        }

        return map.Count;
    }

    [Benchmark]
    public int ImmutableSortedDictionary_Builder_Random()
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<long, string>();
        foreach (long key in shuffled)
        {
            builder[key] = "v";
        }

        return builder.ToImmutable().Count;
    }

    /// <summary>1,000 persistent single-entry edits (each keeps the previous version intact).</summary>
    [Benchmark(OperationsPerInvoke = 1000)]
    public int PersistentTree_SetItem_1000()
    {
        var current = tree;
        for (int i = 0; i < 1000; i++)
        {
            current = current.SetItem(shuffled[i] + 1, "w");
        }

        return current.Count;
    }

    [Benchmark(OperationsPerInvoke = 1000)]
    public int ImmutableSortedDictionary_SetItem_1000()
    {
        var current = immutable;
        for (int i = 0; i < 1000; i++)
        {
            current = current.SetItem(shuffled[i] + 1, "w");
        }

        return current.Count;
    }
}
