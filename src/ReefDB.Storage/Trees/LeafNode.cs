using System.Runtime.CompilerServices;

namespace ReefDB.Storage.Trees;

/// <summary>A leaf: up to <see cref="TreeShape.LeafCapacity"/> entries as parallel key and value arrays.</summary>
/// <remarks>Invariant: slots at and after <see cref="TreeNode{TKey, TValue}.Total"/> hold default values, so removed rows are not kept alive.</remarks>
internal sealed class LeafNode<TKey, TValue> : TreeNode<TKey, TValue>
{
    internal LeafNode(object? owner)
        : base(new TKey[TreeShape.LeafCapacity], owner)
    {
        Values = new TValue[TreeShape.LeafCapacity];
    }

    private LeafNode(LeafNode<TKey, TValue> source, object? owner)
        : base((TKey[])source.Keys.Clone(), owner)
    {
        Values = (TValue[])source.Values.Clone();
        Total = source.Total;
    }

    /// <summary>Values parallel to <see cref="TreeNode{TKey, TValue}.Keys"/>.</summary>
    internal readonly TValue[] Values;

    /// <summary>This leaf if <paramref name="token"/> owns it, else a copy owned by <paramref name="token"/>.</summary>
    internal LeafNode<TKey, TValue> Writable(object? token) => IsOwnedBy(token) ? this : new LeafNode<TKey, TValue>(this, token);

    /// <summary>Inserts at <paramref name="index"/>, shifting later entries right. Requires room.</summary>
    internal void InsertAt(int index, TKey key, TValue value)
    {
        int count = Total;
        if (index < count)
        {
            Array.Copy(Keys, index, Keys, index + 1, count - index);
            Array.Copy(Values, index, Values, index + 1, count - index);
        }

        Keys[index] = key;
        Values[index] = value;
        Total = count + 1;
    }

    /// <summary>Removes the entry at <paramref name="index"/>, shifting later entries left.</summary>
    internal void RemoveAt(int index)
    {
        int count = Total - 1;
        if (index < count)
        {
            Array.Copy(Keys, index + 1, Keys, index, count - index);
            Array.Copy(Values, index + 1, Values, index, count - index);
        }

        Truncate(count);
    }

    /// <summary>Drops entries from <paramref name="count"/> on, clearing their slots.</summary>
    internal void Truncate(int count)
    {
        int old = Total;
        Total = count;
        if (RuntimeHelpers.IsReferenceOrContainsReferences<TKey>())
        {
            Array.Clear(Keys, count, old - count);
        }

        if (RuntimeHelpers.IsReferenceOrContainsReferences<TValue>())
        {
            Array.Clear(Values, count, old - count);
        }
    }

    /// <summary>Appends <paramref name="length"/> entries of <paramref name="source"/> from <paramref name="start"/>. Requires room.</summary>
    internal void AppendFrom(LeafNode<TKey, TValue> source, int start, int length)
    {
        Array.Copy(source.Keys, start, Keys, Total, length);
        Array.Copy(source.Values, start, Values, Total, length);
        Total += length;
    }
}
