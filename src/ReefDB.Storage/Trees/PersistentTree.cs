using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace ReefDB.Storage.Trees;

/// <summary>
/// An immutable sorted map (a persistent B+tree): every edit returns a new tree that shares all
/// untouched nodes with the old one, which stays valid and unchanged.
/// </summary>
/// <typeparam name="TKey">Key type, ordered by the tree's <see cref="Comparer"/>; keys are unique under it.</typeparam>
/// <typeparam name="TValue">Value type.</typeparam>
/// <remarks>
/// <para>Costs: <see cref="Count"/> O(1); lookups and single edits O(log n) (an edit copies one root-to-leaf
/// path); <see cref="CountRange"/> and <see cref="ElementAt"/> O(log n) through per-node subtree counts;
/// enumeration O(1) per entry without allocation. Many edits at once: use <see cref="ToBuilder"/>.</para>
/// <para>Thread safety: a tree is deeply immutable, so any number of threads may read it, enumerate it and
/// derive new trees or builders from it concurrently, also while a builder derived from it is being edited.
/// Publish a tree to other threads through a volatile write or an interlocked exchange, as for any object.</para>
/// <para>The comparer must be a consistent total order and must not change while any tree uses it. If it
/// throws, the edit fails with its exception and changes nothing (also in a builder): every comparison
/// happens before the first write.</para>
/// </remarks>
public sealed partial class PersistentTree<TKey, TValue> : IReadOnlyCollection<KeyValuePair<TKey, TValue>>
{
    private readonly TreeNode<TKey, TValue>? root;

    private PersistentTree(IComparer<TKey> comparer, TreeNode<TKey, TValue>? root)
    {
        Comparer = comparer;
        this.root = root;
    }

    /// <summary>An empty tree ordered by <paramref name="comparer"/> (default: <see cref="Comparer{T}.Default"/>).</summary>
    public static PersistentTree<TKey, TValue> Empty(IComparer<TKey>? comparer = null) => new(comparer ?? Comparer<TKey>.Default, null);

    /// <summary>The order of the keys.</summary>
    public IComparer<TKey> Comparer { get; }

    /// <summary>Number of entries, in O(1).</summary>
    public int Count => root?.total ?? 0;

    /// <summary>True when the tree has no entries.</summary>
    public bool IsEmpty => root is null;

    internal TreeNode<TKey, TValue>? Root => root;

    /// <summary>The value stored under <paramref name="key"/>.</summary>
    /// <exception cref="KeyNotFoundException">The key is absent.</exception>
    public TValue this[TKey key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException("The key is not in the tree.");

    /// <summary>Looks up <paramref name="key"/>.</summary>
    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value) => TryFind(root, key, Comparer, out value);

    /// <summary>True when <paramref name="key"/> is present.</summary>
    public bool ContainsKey(TKey key) => TryFind(root, key, Comparer, out _);

    /// <summary>A tree with <paramref name="key"/> mapped to <paramref name="value"/>, inserted or replaced.</summary>
    public PersistentTree<TKey, TValue> SetItem(TKey key, TValue value) =>
        new(Comparer, TreeEditor<TKey, TValue>.Insert(root, key, value, Comparer, token: null, overwrite: true, out _));

    /// <summary>Adds an entry unless <paramref name="key"/> is present; on failure <paramref name="result"/> is this tree.</summary>
    /// <returns>False when the key was already present (nothing is copied then).</returns>
    public bool TryAdd(TKey key, TValue value, out PersistentTree<TKey, TValue> result)
    {
        var newRoot = TreeEditor<TKey, TValue>.Insert(root, key, value, Comparer, token: null, overwrite: false, out var outcome);
        bool added = outcome == InsertOutcome.Added;
        result = added ? new(Comparer, newRoot) : this;
        return added;
    }

    /// <summary>A tree with a new entry.</summary>
    /// <exception cref="ArgumentException"><paramref name="key"/> is already present.</exception>
    public PersistentTree<TKey, TValue> Add(TKey key, TValue value) =>
        TryAdd(key, value, out var result) ? result : throw new ArgumentException("An entry with the same key is already in the tree.", nameof(key));

    /// <summary>A tree without <paramref name="key"/>; this same instance when the key is absent.</summary>
    public PersistentTree<TKey, TValue> Remove(TKey key) => Remove(key, out _);

    /// <summary>A tree without <paramref name="key"/>, and the removed value; this same instance when the key is absent.</summary>
    public PersistentTree<TKey, TValue> Remove(TKey key, [MaybeNullWhen(false)] out TValue removedValue)
    {
        var newRoot = TreeEditor<TKey, TValue>.Remove(root, key, Comparer, token: null, out bool removed, out removedValue);
        return removed ? new(Comparer, newRoot) : this;
    }

    /// <summary>A mutable builder starting from this tree, for many edits with little copying. This tree is never changed by it.</summary>
    public Builder ToBuilder() => new(this);

    /// <summary>
    /// Builds a tree in O(n) from entries in strictly ascending key order (snapshot restore, index creation).
    /// Leaves come out full, so the tree is as compact as it gets.
    /// </summary>
    /// <exception cref="ArgumentException">The keys are not strictly ascending; the message gives the position.</exception>
    public static PersistentTree<TKey, TValue> FromSorted(IEnumerable<KeyValuePair<TKey, TValue>> entries, IComparer<TKey>? comparer = null)
    {
        comparer ??= Comparer<TKey>.Default;
        var loader = new SortedLoader<TKey, TValue>(comparer);
        foreach (var entry in entries)
        {
            loader.Add(entry.Key, entry.Value);
        }

        return loader.ToTree();
    }

    internal static PersistentTree<TKey, TValue> FromRoot(IComparer<TKey> comparer, TreeNode<TKey, TValue>? root) => new(comparer, root);

    internal static bool TryFind(TreeNode<TKey, TValue>? node, TKey key, IComparer<TKey> comparer, [MaybeNullWhen(false)] out TValue value)
    {
        if (node is not null)
        {
            while (node is BranchNode<TKey, TValue> branch)
            {
                node = branch.children[KeySearch.ChildIndex(branch, key, comparer)];
            }

            var leaf = (LeafNode<TKey, TValue>)node;
            int pos = KeySearch.Find(leaf.keys, leaf.total, key, comparer);
            if (pos >= 0)
            {
                value = leaf.values[pos];
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>All entries in ascending key order; a struct cursor, so <c>foreach</c> does not allocate.</summary>
    public Cursor GetEnumerator() => Cursor.Over(root, Comparer, default, default, descending: false);

    IEnumerator<KeyValuePair<TKey, TValue>> IEnumerable<KeyValuePair<TKey, TValue>>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
