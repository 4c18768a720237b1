using System.Runtime.CompilerServices;

namespace ReefDB.Storage.Trees;

/// <summary>A leaf: up to <see cref="TreeShape.LeafCapacity"/> entries as parallel key and value arrays.</summary>
/// <remarks>
/// Invariant: slots at and after <see cref="TreeNode{TKey, TValue}.total"/> hold default values, so removed rows
/// are not kept alive, unless the arrays are shared (<see cref="claim"/> is set): then later slots may hold the
/// entries of leaves that appended after this one (newer versions, or versions that were discarded).
/// Invariant (shared arrays): leaves that share arrays only ever add entries at the end, each slot written once
/// under <see cref="claim"/>; every other edit works on a copy, so what a leaf reads never changes.
/// </remarks>
internal sealed class LeafNode<TKey, TValue> : TreeNode<TKey, TValue>
{
    internal LeafNode(object? owner)
        : base(new TKey[TreeShape.LeafCapacity], owner)
    {
        values = new TValue[TreeShape.LeafCapacity];
    }

    private LeafNode(LeafNode<TKey, TValue> source, object? owner)
        : base((TKey[])source.keys.Clone(), owner)
    {
        values = (TValue[])source.values.Clone();
        total = source.total;
        if (source.claim is not null)
        {
            // The source's arrays may hold later leaves' entries past its total: this copy must not keep them.
            Truncate(TreeShape.LeafCapacity, total);
        }
    }

    /// <summary>A leaf over <paramref name="source"/>'s arrays with <paramref name="count"/> entries (its slot count - 1 already written).</summary>
    private LeafNode(LeafNode<TKey, TValue> source, int count, AppendClaim claim, object? owner)
        : base(source.keys, owner)
    {
        values = source.values;
        total = count;
        this.claim = claim;
    }

    /// <summary>values parallel to <see cref="TreeNode{TKey, TValue}.keys"/>.</summary>
    internal readonly TValue[] values;

    /// <summary>Set once another leaf shares these arrays: who may write the next slot.</summary>
    internal AppendClaim? claim;

    /// <summary>
    /// This leaf if <paramref name="token"/> owns it and its arrays are its own, else a copy owned by
    /// <paramref name="token"/> (a leaf on shared arrays is never changed in place but by <see cref="TryAppendShared"/>).
    /// </summary>
    internal LeafNode<TKey, TValue> Writable(object? token) => IsOwnedBy(token) && claim is null ? this : new LeafNode<TKey, TValue>(this, token);

    /// <summary>
    /// Adds an entry after the last one without copying the arrays: the new entry goes into the next free slot,
    /// which this leaf does not read, and the result is a new leaf over the same arrays with one more entry
    /// (or this leaf itself, grown, when <paramref name="token"/> owns it). A single insert at the end of a
    /// leaf (ascending keys: row ids, sequences) then costs one small node instead of a copy of both arrays.
    /// </summary>
    /// <returns>Null, having changed nothing, when the leaf is full or its next slot was already taken (by an
    /// append to this same version, e.g. one whose batch failed): the caller then copies.</returns>
    internal LeafNode<TKey, TValue>? TryAppendShared(TKey key, TValue value, object? token)
    {
        int count = total;
        if (count == TreeShape.LeafCapacity)
        {
            return null;
        }

        var shared = claim;
        if (shared is null)
        {
            // No leaf shared these arrays yet, so nothing was written past this leaf's entries.
            var first = new AppendClaim(count);
            shared = Interlocked.CompareExchange(ref claim, first, null) ?? first;
        }

        if (!shared.TryClaim(count))
        {
            return null;
        }

        keys[count] = key;
        values[count] = value;
        if (IsOwnedBy(token))
        {
            total = count + 1;
            return this;
        }

        return new LeafNode<TKey, TValue>(this, count + 1, shared, token);
    }

    /// <summary>Inserts at <paramref name="index"/>, shifting later entries right. Requires room.</summary>
    internal void InsertAt(int index, TKey key, TValue value)
    {
        int count = total;
        if (index < count)
        {
            Array.Copy(keys, index, keys, index + 1, count - index);
            Array.Copy(values, index, values, index + 1, count - index);
        }

        keys[index] = key;
        values[index] = value;
        total = count + 1;
    }

    /// <summary>Removes the entry at <paramref name="index"/>, shifting later entries left.</summary>
    internal void RemoveAt(int index)
    {
        int count = total - 1;
        if (index < count)
        {
            Array.Copy(keys, index + 1, keys, index, count - index);
            Array.Copy(values, index + 1, values, index, count - index);
        }

        Truncate(count);
    }

    /// <summary>Drops entries from <paramref name="count"/> on, clearing their slots.</summary>
    internal void Truncate(int count) => Truncate(total, count);

    /// <summary>Sets the count to <paramref name="count"/> and clears slots [count, <paramref name="old"/>).</summary>
    private void Truncate(int old, int count)
    {
        total = count;
        if (RuntimeHelpers.IsReferenceOrContainsReferences<TKey>())
        {
            Array.Clear(keys, count, old - count);
        }

        if (RuntimeHelpers.IsReferenceOrContainsReferences<TValue>())
        {
            Array.Clear(values, count, old - count);
        }
    }

    /// <summary>Appends <paramref name="length"/> entries of <paramref name="source"/> from <paramref name="start"/>. Requires room.</summary>
    internal void AppendFrom(LeafNode<TKey, TValue> source, int start, int length)
    {
        Array.Copy(source.keys, start, keys, total, length);
        Array.Copy(source.values, start, values, total, length);
        total += length;
    }
}
