using ReefDB.Sql.Types;

namespace ReefDB.Sql.Execution;

/// <summary>
/// The total order of stored keys: part by part with <see cref="SqlValue.Compare"/> (NULL sorts after
/// every value, as PostgreSQL's ascending order), descending parts reversed, then by length with the
/// prefix bound rules of <see cref="RowKey"/>.
/// </summary>
internal sealed class RowKeyComparer : IComparer<RowKey>
{
    private readonly bool[]? descending;

    public RowKeyComparer(bool[]? descending = null)
    {
        this.descending = descending is { } d && d.Any(x => x) ? d : null;
    }

    public static RowKeyComparer Ascending { get; } = new();

    public int Compare(RowKey x, RowKey y)
    {
        var a = x.Span;
        var b = y.Span;
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            var c = SqlValue.Compare(a[i], b[i]);
            if (c != 0)
            {
                return descending is { } d && i < d.Length && d[i] ? -c : c;
            }
        }

        if (a.Length == b.Length)
        {
            return x.Tail.CompareTo(y.Tail);
        }

        // The shorter one is a prefix of the longer: its tail places it before or after all extensions.
        return a.Length < b.Length ? (x.Tail > 0 ? 1 : -1) : (y.Tail > 0 ? -1 : 1);
    }
}
