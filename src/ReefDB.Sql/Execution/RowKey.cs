using ReefDB.Sql.Types;

namespace ReefDB.Sql.Execution;

/// <summary>
/// A key in a row or index tree: a sequence of values compared part by part. Stored keys are complete
/// (<see cref="Tail"/> = 0). Search bounds may be prefixes: a prefix with <see cref="Tail"/> = -1 sorts
/// before every key that extends it, with +1 after every such key, so "all keys starting with P" is the
/// range [P⁻, P⁺].
/// </summary>
/// <remarks>
/// A key may share the array of the row it keys (<see cref="OfLeading"/>): a primary key on the leading
/// columns then costs no array of its own (48 bytes a row for a BIGINT key). Such a key keeps its row
/// alive, so code that stores a key with a different row detaches it first (<see cref="Detached"/>);
/// a separator in a tree branch may still hold an old row, at most one per leaf.
/// </remarks>
internal readonly struct RowKey
{
    private readonly SqlValue[] values;

    public RowKey(SqlValue[] values, sbyte tail = 0)
    {
        this.values = values;
        Length = values.Length;
        Tail = tail;
    }

    // Parameters in this order so that new(values, -1) keeps meaning a tail, not a length.
    private RowKey(int length, SqlValue[] row)
    {
        values = row;
        Length = length;
    }

    /// <summary>Number of key parts.</summary>
    public int Length { get; }

    public sbyte Tail { get; }

    /// <summary>The key parts, read in place.</summary>
    public ReadOnlySpan<SqlValue> Span => new(values, 0, Length);

    /// <summary>The key parts as an array of exactly <see cref="Length"/> values (copied when the key shares a row).</summary>
    public SqlValue[] Values => Length == values.Length ? values : values[..Length];

    /// <summary>The key of a stored row whose key parts are its first <paramref name="length"/> values, sharing the row's array.</summary>
    public static RowKey OfLeading(SqlValue[] row, int length) => new(length, row);

    public static RowKey Before(SqlValue[] prefix) => new(prefix, (sbyte)-1);

    public static RowKey After(SqlValue[] prefix) => new(prefix, (sbyte)1);

    /// <summary>This key with an array of its own, so that it no longer keeps a shared row alive.</summary>
    public RowKey Detached() => Length == values.Length ? this : new RowKey(values[..Length], Tail);
}
