using ReefDB.Sql.Types;
using ReefDB.Storage.Trees;

namespace ReefDB.Sql.Execution;

/// <summary>
/// An immutable ordered map from <see cref="RowKey"/> to a row (or, in an index, to nothing): the
/// engine's single adapter over the storage layer's <see cref="PersistentTree{TKey, TValue}"/>, so the
/// executor depends on a few operations only. Range bounds are keys too (prefix keys with tails, see
/// <see cref="RowKey"/>), and both bounds are inclusive in that order.
/// </summary>
internal sealed class RowTree
{
    private readonly PersistentTree<RowKey, SqlValue[]> tree;

    private RowTree(PersistentTree<RowKey, SqlValue[]> tree) => this.tree = tree;

    public static RowTree Create(RowKeyComparer comparer) => new(PersistentTree<RowKey, SqlValue[]>.Empty(comparer));

    /// <summary>Wraps a tree restored from a snapshot (its comparer must be the table's or index's).</summary>
    public static RowTree FromTree(PersistentTree<RowKey, SqlValue[]> tree) => new(tree);

    /// <summary>The underlying tree, for snapshot writing.</summary>
    public PersistentTree<RowKey, SqlValue[]> Tree => tree;

    public int Count => tree.Count;

    public bool TryGet(RowKey key, out SqlValue[] value) => tree.TryGetValue(key, out value!);

    public bool ContainsKey(RowKey key) => tree.ContainsKey(key);

    /// <summary>Entries with <paramref name="from"/> ≤ key ≤ <paramref name="to"/> (null = unbounded), in key order or reversed.</summary>
    public PersistentTree<RowKey, SqlValue[]>.RangeEnumerable Range(RowKey? from, RowKey? to, bool descending = false) =>
        tree.Range(
            from is { } f ? KeyBound.Inclusive(f) : KeyBound<RowKey>.Unbounded,
            to is { } t ? KeyBound.Inclusive(t) : KeyBound<RowKey>.Unbounded,
            descending);

    /// <summary>How many entries lie between the bounds (as <see cref="Range"/> takes them), in O(log n).</summary>
    public int CountRange(RowKey from, RowKey to) => tree.CountRange(KeyBound.Inclusive(from), KeyBound.Inclusive(to));

    public Builder ToBuilder() => new(tree.ToBuilder());

    /// <summary>A transient, single-owner mutable copy; <see cref="ToImmutable"/> freezes it in O(1).</summary>
    internal sealed class Builder
    {
        private readonly PersistentTree<RowKey, SqlValue[]>.Builder builder;

        public Builder(PersistentTree<RowKey, SqlValue[]>.Builder builder) => this.builder = builder;

        public int Count => builder.Count;

        public bool TryGet(RowKey key, out SqlValue[] value) => builder.TryGetValue(key, out value!);

        public bool ContainsKey(RowKey key) => builder.ContainsKey(key);

        public void Set(RowKey key, SqlValue[] value) => builder.Set(key, value);

        public bool Remove(RowKey key) => builder.Remove(key);

        public bool TryAdd(RowKey key, SqlValue[] value) => builder.TryAdd(key, value);

        /// <summary>
        /// Reads a range of the current content in place. Callers consume it before the next edit (probes:
        /// <c>Any</c>, <c>FirstOrDefault</c>, <c>ToList</c>); an edit during enumeration makes the cursor throw.
        /// Reading in place instead of through <see cref="ToImmutable"/> matters: a freeze per probe made the
        /// next edit copy its whole path again, so every ON CONFLICT or foreign-key probe cost a path copy.
        /// </summary>
        public PersistentTree<RowKey, SqlValue[]>.RangeEnumerable Range(RowKey? from, RowKey? to, bool descending = false) =>
            builder.Range(
                from is { } f ? KeyBound.Inclusive(f) : KeyBound<RowKey>.Unbounded,
                to is { } t ? KeyBound.Inclusive(t) : KeyBound<RowKey>.Unbounded,
                descending);

        public RowTree ToImmutable() => new(builder.ToImmutable());
    }
}
