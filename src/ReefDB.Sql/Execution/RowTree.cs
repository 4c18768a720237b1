using System.Collections.Immutable;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Execution;

/// <summary>
/// An immutable ordered map from <see cref="RowKey"/> to a row (or, in an index, to nothing): the
/// engine's single adapter over the storage layer's persistent tree, so that the executor depends on a
/// few operations only. Range bounds are keys too (prefix keys with tails, see <see cref="RowKey"/>),
/// and both bounds are inclusive in that order.
/// </summary>
internal sealed class RowTree
{
    private readonly ImmutableSortedDictionary<RowKey, SqlValue[]> map;

    private RowTree(ImmutableSortedDictionary<RowKey, SqlValue[]> map) => this.map = map;

    public static RowTree Create(RowKeyComparer comparer) =>
        new(ImmutableSortedDictionary.Create<RowKey, SqlValue[]>(comparer));

    public int Count => map.Count;

    public IComparer<RowKey> Comparer => map.KeyComparer;

    public bool TryGet(RowKey key, out SqlValue[] value) => map.TryGetValue(key, out value!);

    public bool ContainsKey(RowKey key) => map.ContainsKey(key);

    /// <summary>Entries with <paramref name="from"/> ≤ key ≤ <paramref name="to"/> (null = unbounded).</summary>
    public IEnumerable<KeyValuePair<RowKey, SqlValue[]>> Range(RowKey? from, RowKey? to, bool descending = false)
    {
        var cmp = map.KeyComparer;
        IEnumerable<KeyValuePair<RowKey, SqlValue[]>> source = descending ? map.Reverse() : map;
        foreach (var entry in source)
        {
            if (!descending)
            {
                if (from is { } f && cmp.Compare(entry.Key, f) < 0)
                {
                    continue;
                }

                if (to is { } t && cmp.Compare(entry.Key, t) > 0)
                {
                    yield break;
                }
            }
            else
            {
                if (to is { } t && cmp.Compare(entry.Key, t) > 0)
                {
                    continue;
                }

                if (from is { } f && cmp.Compare(entry.Key, f) < 0)
                {
                    yield break;
                }
            }

            yield return entry;
        }
    }

    public Builder ToBuilder() => new(map.ToBuilder());

    /// <summary>A transient, single-owner mutable copy; <see cref="ToImmutable"/> freezes it.</summary>
    internal sealed class Builder
    {
        private readonly ImmutableSortedDictionary<RowKey, SqlValue[]>.Builder builder;

        public Builder(ImmutableSortedDictionary<RowKey, SqlValue[]>.Builder builder) => this.builder = builder;

        public int Count => builder.Count;

        public bool TryGet(RowKey key, out SqlValue[] value) => builder.TryGetValue(key, out value!);

        public bool ContainsKey(RowKey key) => builder.ContainsKey(key);

        public void Set(RowKey key, SqlValue[] value) => builder[key] = value;

        public bool Remove(RowKey key) => builder.Remove(key);

        public IEnumerable<KeyValuePair<RowKey, SqlValue[]>> Range(RowKey? from, RowKey? to, bool descending = false) =>
            ToImmutable().Range(from, to, descending);

        public RowTree ToImmutable() => new(builder.ToImmutable());
    }
}
