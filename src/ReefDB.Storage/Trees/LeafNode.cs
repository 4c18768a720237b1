using System.Runtime.CompilerServices;

namespace ReefDB.Storage.Trees;

/// <summary>A leaf: up to <see cref="TreeShape.LeafCapacity"/> entries as parallel key and value arrays.</summary>
/// <remarks>Invariant: slots at and after <see cref="TreeNode{TKey, TValue}.total"/> hold default values, so removed rows are not kept alive.</remarks>
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
    }

    /// <summary>values parallel to <see cref="TreeNode{TKey, TValue}.keys"/>.</summary>
    internal readonly TValue[] values;

    /// <summary>This leaf if <paramref name="token"/> owns it, else a copy owned by <paramref name="token"/>.</summary>
    internal LeafNode<TKey, TValue> Writable(object? token) => IsOwnedBy(token) ? this : new LeafNode<TKey, TValue>(this, token);

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
    internal void Truncate(int count)
    {
        int old = total;
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
