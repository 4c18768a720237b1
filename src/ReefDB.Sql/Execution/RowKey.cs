using ReefDB.Sql.Types;

namespace ReefDB.Sql.Execution;

/// <summary>
/// A key in a row or index tree: a sequence of values compared part by part. Stored keys are complete
/// (<see cref="Tail"/> = 0). Search bounds may be prefixes: a prefix with <see cref="Tail"/> = -1 sorts
/// before every key that extends it, with +1 after every such key, so "all keys starting with P" is the
/// range [P⁻, P⁺].
/// </summary>
internal readonly struct RowKey
{
    public RowKey(SqlValue[] values, sbyte tail = 0)
    {
        Values = values;
        Tail = tail;
    }

    public SqlValue[] Values { get; }

    public sbyte Tail { get; }

    public static RowKey Before(SqlValue[] prefix) => new(prefix, -1);

    public static RowKey After(SqlValue[] prefix) => new(prefix, 1);
}
