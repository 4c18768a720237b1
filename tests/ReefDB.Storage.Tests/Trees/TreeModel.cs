using ReefDB.Storage.Trees;

namespace ReefDB.Storage.Tests.Trees;

/// <summary>One step of a random workload; what each field means depends on <see cref="Kind"/>.</summary>
internal readonly record struct TreeOp(TreeOpKind Kind, int Key, int Value, int Other, bool Flag);

internal enum TreeOpKind
{
    Set,
    TryAdd,
    Remove,
    Get,
    StartBuilder,
    FreezeBuilder,
    EndBuilder,
    Snapshot,
    CheckRange,

    /// <summary>Goes back to snapshot number Other (modulo their count) and edits on from there, as a failed batch does.</summary>
    Rewind,
}

/// <summary>
/// Runs a workload on a <see cref="PersistentTree{TKey, TValue}"/> (directly or through builders) and on a
/// SortedDictionary model side by side, failing on the first difference. Snapshots taken along the way
/// must still hold their contents at the end: old versions are never disturbed by later edits, also when
/// editing goes on from an earlier snapshot (<see cref="TreeOpKind.Rewind"/>), so that two versions grow from one.
/// </summary>
internal sealed class TreeModel<TKey>(Func<int, TKey> keyOf, IComparer<TKey> comparer)
    where TKey : notnull
{
    private readonly SortedDictionary<TKey, int> model = new(comparer);
    private readonly List<(PersistentTree<TKey, int> Tree, KeyValuePair<TKey, int>[] Contents)> snapshots = [];
    private PersistentTree<TKey, int> tree = PersistentTree<TKey, int>.Empty(comparer);
    private PersistentTree<TKey, int>.Builder? builder;

    internal void Run(IEnumerable<TreeOp> ops)
    {
        int step = 0;
        foreach (var op in ops)
        {
            try
            {
                Apply(op);
            }
            catch (Exception e) when (e is not InvalidOperationException)
            {
                throw new InvalidOperationException($"step {step}: {op}", e);
            }

            step++;
        }

        Assert.Equal(model, Current());
        TreeValidator.Validate(Current());
        foreach (var (snapshot, contents) in snapshots)
        {
            TreeValidator.Validate(snapshot);
            Assert.Equal(contents, snapshot);
        }
    }

    private PersistentTree<TKey, int> Current() => builder?.ToImmutable() ?? tree;

    private void Apply(TreeOp op)
    {
        var key = keyOf(op.Key);
        switch (op.Kind)
        {
            case TreeOpKind.Set:
                model[key] = op.Value;
                if (builder is null)
                {
                    tree = tree.SetItem(key, op.Value);
                }
                else
                {
                    builder.Set(key, op.Value);
                }

                break;
            case TreeOpKind.TryAdd:
                bool added = builder is null ? tree.TryAdd(key, op.Value, out tree) : builder.TryAdd(key, op.Value);
                Assert.Equal(model.TryAdd(key, op.Value), added);
                break;
            case TreeOpKind.Remove:
                bool removed = builder is null ? TryRemove(key, out int value) : builder.Remove(key, out value);
                Assert.Equal(model.Remove(key, out int expected), removed);
                Assert.Equal(expected, removed ? value : 0);
                break;
            case TreeOpKind.Get:
                bool found = builder is null ? tree.TryGetValue(key, out int got) : builder.TryGetValue(key, out got);
                Assert.Equal(model.TryGetValue(key, out int want), found);
                Assert.Equal(want, got);
                Assert.Equal(model.Count, builder?.Count ?? tree.Count);
                break;
            case TreeOpKind.StartBuilder:
                builder ??= tree.ToBuilder();
                break;
            case TreeOpKind.FreezeBuilder:
                if (builder is not null)
                {
                    tree = builder.ToImmutable();
                }

                break;
            case TreeOpKind.EndBuilder:
                tree = Current();
                builder = null;
                break;
            case TreeOpKind.Snapshot:
                var current = Current();
                snapshots.Add((current, [.. model]));
                Assert.Equal(model.Count, current.Count);
                break;
            case TreeOpKind.CheckRange:
                CheckRange(op);
                break;
            case TreeOpKind.Rewind:
                if (snapshots.Count > 0)
                {
                    var (earlier, contents) = snapshots[op.Other % snapshots.Count];
                    tree = earlier;
                    builder = null;
                    model.Clear();
                    foreach (var (k, v) in contents)
                    {
                        model[k] = v;
                    }
                }

                break;
        }
    }

    private bool TryRemove(TKey key, out int value)
    {
        var next = tree.Remove(key, out value);
        bool removed = !ReferenceEquals(next, tree);
        tree = next;
        return removed;
    }

    /// <summary>
    /// Bounds from Key and Other; Value's low bits pick each bound's kind; Flag picks the direction.
    /// An active builder is read in place (not frozen), so the check does not change what it checks.
    /// </summary>
    private void CheckRange(TreeOp op)
    {
        var lower = MakeBound(op.Key, op.Value & 3);
        var upper = MakeBound(op.Other, (op.Value >> 2) & 3);
        var expected = model.Where(e => Above(e.Key, lower) && Below(e.Key, upper)).ToList();
        if (op.Flag)
        {
            expected.Reverse();
        }

        if (builder is null)
        {
            Assert.Equal(expected, tree.Range(lower, upper, op.Flag));
            Assert.Equal(expected.Count, tree.CountRange(lower, upper));
        }
        else
        {
            Assert.Equal(expected, builder.Range(lower, upper, op.Flag));
            Assert.Equal(expected.Count, builder.CountRange(lower, upper));
        }
    }

    private KeyBound<TKey> MakeBound(int key, int kind) => kind switch
    {
        0 => KeyBound<TKey>.Unbounded,
        1 => KeyBound.Exclusive(keyOf(key)),
        _ => KeyBound.Inclusive(keyOf(key)),
    };

    private bool Above(TKey key, KeyBound<TKey> bound) => bound.Kind switch
    {
        BoundKind.Inclusive => comparer.Compare(key, bound.Key) >= 0,
        BoundKind.Exclusive => comparer.Compare(key, bound.Key) > 0,
        _ => true,
    };

    private bool Below(TKey key, KeyBound<TKey> bound) => bound.Kind switch
    {
        BoundKind.Inclusive => comparer.Compare(key, bound.Key) <= 0,
        BoundKind.Exclusive => comparer.Compare(key, bound.Key) < 0,
        _ => true,
    };
}
