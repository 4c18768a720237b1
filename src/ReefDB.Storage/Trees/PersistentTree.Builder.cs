using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace ReefDB.Storage.Trees;

public sealed partial class PersistentTree<TKey, TValue>
{
    /// <summary>
    /// A mutable, single-threaded editor derived from a tree: the nodes it has copied once are then changed
    /// in place, so a million inserts copy each node about once instead of one path per insert.
    /// <see cref="ToImmutable"/> freezes the result in O(1).
    /// </summary>
    /// <remarks>
    /// <para>The tree it started from, and every tree returned by <see cref="ToImmutable"/>, is never changed:
    /// after <see cref="ToImmutable"/> the builder takes a fresh edit token, so later edits copy again.</para>
    /// <para>Thread safety: one thread at a time. Trees it derives from may be read by any thread meanwhile.</para>
    /// <para>Reading in order: <see cref="Range"/> reads the builder's nodes directly and fails if the builder
    /// is edited meanwhile. To edit while enumerating, enumerate <see cref="ToImmutable"/> instead. That
    /// freeze costs O(1) now, but the next edit of each touched node copies it again.</para>
    /// </remarks>
    public sealed class Builder : IReadOnlyCollection<KeyValuePair<TKey, TValue>>
    {
        private TreeNode<TKey, TValue>? root;

        // Nodes whose owner is this object may be changed in place. Dropped by ToImmutable; made by the first
        // edit after it (see Token), so that a builder frozen after one edit, or never edited, makes no spare one.
        private object? token;

        // The tree last returned by ToImmutable (or the origin), while no edit happened since.
        private PersistentTree<TKey, TValue>? frozen;

        // Bumped by every effective edit; cursors over the builder compare it to detect edits during enumeration.
        private int version;

        internal Builder(PersistentTree<TKey, TValue> origin)
        {
            Comparer = origin.Comparer;
            root = origin.root;
            frozen = origin;
        }

        /// <summary>The order of the keys.</summary>
        public IComparer<TKey> Comparer { get; }

        /// <summary>Number of entries, in O(1).</summary>
        public int Count => root?.total ?? 0;

        internal TreeNode<TKey, TValue>? Root => root;

        internal int Version => version;

        /// <summary>All entries in ascending key order, read in place; editing the builder during enumeration throws.</summary>
        public Cursor GetEnumerator() => Cursor.Over(root, Comparer, default, default, descending: false, this);

        IEnumerator<KeyValuePair<TKey, TValue>> IEnumerable<KeyValuePair<TKey, TValue>>.GetEnumerator() => GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        /// <summary>
        /// The entries between the bounds, read in place without freezing the builder (see
        /// <see cref="PersistentTree{TKey, TValue}.Range"/>). Editing the builder while a cursor from it is in use
        /// makes that cursor's next step throw <see cref="InvalidOperationException"/>.
        /// </summary>
        public RangeEnumerable Range(KeyBound<TKey> lower, KeyBound<TKey> upper, bool descending = false) => new(this, lower, upper, descending);

        /// <summary>Number of entries between the bounds, in O(log n).</summary>
        public int CountRange(KeyBound<TKey> lower, KeyBound<TKey> upper) => CountIn(root, Comparer, lower, upper);

        /// <summary>The value under <paramref name="key"/> (get), or inserts or replaces it (set).</summary>
        /// <exception cref="KeyNotFoundException">Get: the key is absent.</exception>
        public TValue this[TKey key]
        {
            get => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException("The key is not in the tree.");
            set => Set(key, value);
        }

        /// <summary>Looks up <paramref name="key"/>.</summary>
        public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value) => TryFind(root, key, Comparer, out value);

        /// <summary>True when <paramref name="key"/> is present.</summary>
        public bool ContainsKey(TKey key) => TryFind(root, key, Comparer, out _);

        /// <summary>Inserts or replaces the entry for <paramref name="key"/>.</summary>
        public void Set(TKey key, TValue value)
        {
            if (root is null || !TreeEditor<TKey, TValue>.TryAppendInPlace(root, key, value, Comparer, Token))
            {
                root = TreeEditor<TKey, TValue>.Insert(root, key, value, Comparer, Token, overwrite: true, out _);
            }

            Edited();
        }

        /// <summary>Adds an entry unless <paramref name="key"/> is present.</summary>
        /// <returns>False (and nothing changed) when the key was present.</returns>
        public bool TryAdd(TKey key, TValue value)
        {
            if (root is not null && TreeEditor<TKey, TValue>.TryAppendInPlace(root, key, value, Comparer, Token))
            {
                Edited();
                return true;
            }

            root = TreeEditor<TKey, TValue>.Insert(root, key, value, Comparer, Token, overwrite: false, out var outcome);
            if (outcome != InsertOutcome.Added)
            {
                return false;
            }

            Edited();
            return true;
        }

        /// <summary>Removes <paramref name="key"/>; false when it was absent.</summary>
        public bool Remove(TKey key) => Remove(key, out _);

        /// <summary>Removes <paramref name="key"/> and returns its value; false when it was absent.</summary>
        public bool Remove(TKey key, [MaybeNullWhen(false)] out TValue removedValue)
        {
            root = TreeEditor<TKey, TValue>.Remove(root, key, Comparer, Token, out bool removed, out removedValue);
            if (removed)
            {
                Edited();
            }

            return removed;
        }

        /// <summary>
        /// The current contents as an immutable tree, in O(1). The builder stays usable; its next edit
        /// copies the nodes it touches, so the returned tree never changes.
        /// </summary>
        public PersistentTree<TKey, TValue> ToImmutable()
        {
            if (frozen is null)
            {
                frozen = new PersistentTree<TKey, TValue>(Comparer, root);
                token = null;
            }

            return frozen;
        }

        /// <summary>The edit token, made on demand: a new one after each freeze, so frozen nodes stay frozen.</summary>
        private object Token => token ??= new object();

        private void Edited()
        {
            frozen = null;
            version++;
        }
    }
}
