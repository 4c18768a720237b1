namespace ReefDB.Storage.Trees;

/// <summary>Binary searches over the sorted prefix of a node's key array.</summary>
/// <remarks>
/// Hand-written rather than Array.BinarySearch because the tree needs lower- and upper-bound variants.
/// Value-type keys under the default comparer (row ids: <c>long</c>) take a path where the JIT
/// devirtualizes and inlines the comparison instead of an interface call per probe.
/// </remarks>
internal static class KeySearch
{
    /// <summary>The index of <paramref name="key"/> in keys[0, count), or the bitwise complement of where it would be inserted.</summary>
    internal static int Find<TKey>(TKey[] keys, int count, TKey key, IComparer<TKey> comparer)
    {
        if (typeof(TKey).IsValueType && ReferenceEquals(comparer, Comparer<TKey>.Default))
        {
            return Find(keys, count, key, new DefaultOrder<TKey>());
        }

        return Find(keys, count, key, new CustomOrder<TKey>(comparer));
    }

    /// <summary>The first index in [0, count] whose key is ≥ <paramref name="key"/> (or &gt; it when <paramref name="after"/>).</summary>
    internal static int Bound<TKey>(TKey[] keys, int count, TKey key, bool after, IComparer<TKey> comparer)
    {
        if (typeof(TKey).IsValueType && ReferenceEquals(comparer, Comparer<TKey>.Default))
        {
            return Bound(keys, count, key, after, new DefaultOrder<TKey>());
        }

        return Bound(keys, count, key, after, new CustomOrder<TKey>(comparer));
    }

    /// <summary>The child of <paramref name="branch"/> whose key range holds <paramref name="key"/>: the number of separators ≤ key.</summary>
    internal static int ChildIndex<TKey, TValue>(BranchNode<TKey, TValue> branch, TKey key, IComparer<TKey> comparer) =>
        Bound(branch.keys, branch.childCount - 1, key, after: true, comparer);

    private static int Find<TKey, TOrder>(TKey[] keys, int count, TKey key, TOrder order)
        where TOrder : struct, IOrder<TKey>
    {
        int lo = 0;
        int hi = count - 1;
        while (lo <= hi)
        {
            int mid = (int)((uint)(lo + hi) >> 1);
            int c = order.Compare(keys[mid], key);
            if (c == 0)
            {
                return mid;
            }

            if (c < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return ~lo;
    }

    private static int Bound<TKey, TOrder>(TKey[] keys, int count, TKey key, bool after, TOrder order)
        where TOrder : struct, IOrder<TKey>
    {
        int lo = 0;
        int hi = count;
        int threshold = after ? 0 : -1;
        while (lo < hi)
        {
            int mid = (int)((uint)(lo + hi) >> 1);
            if (order.Compare(keys[mid], key) <= threshold)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    // Struct type arguments make the JIT compile one specialized search per order.
    private interface IOrder<TKey>
    {
        int Compare(TKey x, TKey y);
    }

    private readonly struct DefaultOrder<TKey> : IOrder<TKey>
    {
        public int Compare(TKey x, TKey y) => Comparer<TKey>.Default.Compare(x, y);
    }

    private readonly struct CustomOrder<TKey>(IComparer<TKey> comparer) : IOrder<TKey>
    {
        public int Compare(TKey x, TKey y) => comparer.Compare(x, y);
    }
}
