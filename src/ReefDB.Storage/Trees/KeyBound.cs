namespace ReefDB.Storage.Trees;

/// <summary>How a <see cref="KeyBound{TKey}"/> limits a range.</summary>
public enum BoundKind : byte
{
    /// <summary>No limit on this side.</summary>
    Unbounded,

    /// <summary>The bound key itself is in the range.</summary>
    Inclusive,

    /// <summary>The bound key itself is not in the range.</summary>
    Exclusive,
}

/// <summary>One end of a key range: unbounded (the default value), inclusive or exclusive of <see cref="Key"/>.</summary>
/// <typeparam name="TKey">The tree's key type.</typeparam>
public readonly record struct KeyBound<TKey>
{
    /// <summary>Creates a bound; prefer <see cref="KeyBound.Inclusive{TKey}"/> and <see cref="KeyBound.Exclusive{TKey}"/>.</summary>
    public KeyBound(BoundKind kind, TKey key)
    {
        Kind = kind;
        Key = key;
    }

    /// <summary>A bound that does not limit the range; equal to <c>default</c>.</summary>
    public static KeyBound<TKey> Unbounded => default;

    /// <summary>Whether the bound limits the range, and whether its key belongs to it.</summary>
    public BoundKind Kind { get; }

    /// <summary>The bound key; meaningless when <see cref="Kind"/> is <see cref="BoundKind.Unbounded"/>.</summary>
    public TKey Key { get; }

    /// <summary>True when the bound does not limit the range.</summary>
    public bool IsUnbounded => Kind == BoundKind.Unbounded;
}

/// <summary>Factories that infer the key type of a <see cref="KeyBound{TKey}"/>.</summary>
public static class KeyBound
{
    /// <summary>A bound whose key is in the range.</summary>
    public static KeyBound<TKey> Inclusive<TKey>(TKey key) => new(BoundKind.Inclusive, key);

    /// <summary>A bound whose key is not in the range.</summary>
    public static KeyBound<TKey> Exclusive<TKey>(TKey key) => new(BoundKind.Exclusive, key);
}
