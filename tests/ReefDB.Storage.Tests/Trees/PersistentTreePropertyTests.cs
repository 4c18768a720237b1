using System.Globalization;
using CsCheck;

namespace ReefDB.Storage.Tests.Trees;

public sealed class PersistentTreePropertyTests
{
    private static readonly IComparer<int> Descending = Comparer<int>.Create((a, b) => b.CompareTo(a));

    [Fact]
    public void Random_workloads_match_a_sorted_dictionary() =>
        Workload(keySpace: 400, maxOps: 1500).Sample(
            ops => new TreeModel<int>(k => k, Comparer<int>.Default).Run(ops), iter: 150, threads: 1);

    [Fact]
    public void Random_workloads_match_a_sorted_dictionary_under_a_stateful_comparer() =>
        Workload(keySpace: 400, maxOps: 1500).Sample(
            ops => new TreeModel<int>(k => k, Descending).Run(ops), iter: 60, threads: 1);

    [Fact]
    public void Random_workloads_on_reference_keys_match_a_sorted_dictionary() =>
        Workload(keySpace: 300, maxOps: 1000).Sample(
            ops => new TreeModel<string>(Key, StringComparer.Ordinal).Run(ops), iter: 40, threads: 1);

    /// <summary>Large seeded workloads: deep trees (three levels and more), bulk growth then shrinkage, so branch rebalancing runs.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Large_seeded_workloads_match_a_sorted_dictionary(int seed)
    {
        var random = new Random(seed);
        var ops = new List<TreeOp>();
        for (int phase = 0; phase < 4; phase++)
        {
            bool growing = phase % 2 == 0;
            ops.Add(new TreeOp(phase == 2 ? TreeOpKind.EndBuilder : TreeOpKind.StartBuilder, 0, 0, 0, false));
            for (int i = 0; i < 40_000; i++)
            {
                int key = random.Next(30_000);
                var kind = random.Next(10) switch
                {
                    < 6 => growing ? TreeOpKind.Set : TreeOpKind.Remove,
                    6 => TreeOpKind.TryAdd,
                    7 => TreeOpKind.Get,
                    8 => growing ? TreeOpKind.Remove : TreeOpKind.Set,
                    _ => i % 5000 == 9 ? TreeOpKind.Snapshot : random.Next(200) == 0 ? TreeOpKind.CheckRange : TreeOpKind.Get,
                };
                if (kind == TreeOpKind.Remove && !growing)
                {
                    ops.Add(new TreeOp(TreeOpKind.Remove, random.Next(30_000), 0, 0, false));
                }

                ops.Add(new TreeOp(kind, key, random.Next(16), random.Next(30_000), random.Next(2) == 0));
                if (i % 7001 == 0)
                {
                    ops.Add(new TreeOp(TreeOpKind.FreezeBuilder, 0, 0, 0, false));
                }
            }
        }

        try
        {
            new TreeModel<int>(k => k, Comparer<int>.Default).Run(ops);
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"seed {seed}", e);
        }
    }

    /// <summary>
    /// Mostly ascending keys (row ids): inserts at the end of leaves share the leaf's arrays with the version they
    /// grow from, and rewinds make two versions grow from one leaf, so their appends compete for the same slot.
    /// </summary>
    [Fact]
    public void Ascending_appends_from_shared_versions_match_a_sorted_dictionary() =>
        AppendWorkload().Sample(
            ops => new TreeModel<int>(k => k, Comparer<int>.Default).Run(ops), iter: 150, threads: 1);

    [Fact]
    public void Ascending_appends_on_reference_keys_match_a_sorted_dictionary() =>
        AppendWorkload().Sample(
            ops => new TreeModel<string>(Key, StringComparer.Ordinal).Run(ops), iter: 40, threads: 1);

    private static string Key(int i) => i.ToString("D5", CultureInfo.InvariantCulture);

    /// <summary>Set and TryAdd with Flag take the next key above every earlier one; the rest as <see cref="Workload"/>, plus rewinds.</summary>
    private static Gen<TreeOp[]> AppendWorkload()
    {
        var kind = Gen.Frequency(
            (40, Gen.Const(TreeOpKind.Set)),
            (20, Gen.Const(TreeOpKind.TryAdd)),
            (5, Gen.Const(TreeOpKind.Remove)),
            (5, Gen.Const(TreeOpKind.Get)),
            (2, Gen.Const(TreeOpKind.StartBuilder)),
            (1, Gen.Const(TreeOpKind.FreezeBuilder)),
            (1, Gen.Const(TreeOpKind.EndBuilder)),
            (4, Gen.Const(TreeOpKind.Snapshot)),
            (3, Gen.Const(TreeOpKind.Rewind)),
            (2, Gen.Const(TreeOpKind.CheckRange)));
        var op = Gen.Select(kind, Gen.Int[0, 3000], Gen.Int[0, 15], Gen.Int[0, 3000], Gen.Frequency((9, Gen.Const(true)), (1, Gen.Const(false))))
            .Select((k, key, value, other, flag) => new TreeOp(k, key, value, other, flag));
        return op.Array[0, 1500].Select(ops =>
        {
            int next = 3000;
            return ops.Select(o => o.Kind is TreeOpKind.Set or TreeOpKind.TryAdd && o.Flag ? o with { Key = next++ } : o).ToArray();
        });
    }

    private static Gen<TreeOp[]> Workload(int keySpace, int maxOps)
    {
        var kind = Gen.Frequency(
            (30, Gen.Const(TreeOpKind.Set)),
            (10, Gen.Const(TreeOpKind.TryAdd)),
            (20, Gen.Const(TreeOpKind.Remove)),
            (10, Gen.Const(TreeOpKind.Get)),
            (2, Gen.Const(TreeOpKind.StartBuilder)),
            (1, Gen.Const(TreeOpKind.FreezeBuilder)),
            (1, Gen.Const(TreeOpKind.EndBuilder)),
            (2, Gen.Const(TreeOpKind.Snapshot)),
            (3, Gen.Const(TreeOpKind.CheckRange)),
            (1, Gen.Const(TreeOpKind.Rewind)));
        var op = Gen.Select(kind, Gen.Int[0, keySpace], Gen.Int[0, 15], Gen.Int[0, keySpace], Gen.Bool)
            .Select((k, key, value, other, flag) => new TreeOp(k, key, value, other, flag));
        return op.Array[0, maxOps];
    }
}
