namespace ReefDB.Storage.Trees;

internal static partial class TreeEditor<TKey, TValue>
{
    /// <summary>
    /// Adds an entry whose key is above every key of the tree, in place, when the builder owns the whole
    /// right edge and the rightmost leaf has room: one comparison instead of a descent with a binary search
    /// per level, which is what ascending bulk inserts (row ids, sequences) hit on almost every entry.
    /// </summary>
    /// <returns>False, having changed nothing, when the fast path does not apply; the caller then inserts normally.</returns>
    internal static bool TryAppendInPlace(TreeNode<TKey, TValue> root, TKey key, TValue value, IComparer<TKey> comparer, object token)
    {
        var node = root;
        while (node is BranchNode<TKey, TValue> branch)
        {
            if (!branch.IsOwnedBy(token))
            {
                return false;
            }

            node = branch.children[branch.childCount - 1];
        }

        var leaf = (LeafNode<TKey, TValue>)node;
        int count = leaf.total;
        if (!leaf.IsOwnedBy(token) || count == 0 || count == TreeShape.LeafCapacity || comparer.Compare(leaf.keys[count - 1], key) >= 0)
        {
            return false;
        }

        // Arrays shared with other leaves take a slot only by claiming it; nothing has changed if that fails.
        if (leaf.claim is { } claim && !claim.TryClaim(count))
        {
            return false;
        }

        // From here on nothing can fail, so the edit is all or nothing.
        leaf.InsertAt(count, key, value);
        node = root;
        while (node is BranchNode<TKey, TValue> branch)
        {
            branch.total++;
            node = branch.children[branch.childCount - 1];
        }

        return true;
    }
}
