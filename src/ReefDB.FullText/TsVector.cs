namespace ReefDB.FullText;

/// <summary>
/// An immutable PostgreSQL <c>tsvector</c>: distinct lexemes sorted in PostgreSQL's order (UTF-8 bytes),
/// each with up to 256 positions (1..16383) carrying a weight A–D.
/// </summary>
/// <remarks>
/// Invariant: <c>entries</c> is sorted by <see cref="LexemeOrder.Compare"/> without duplicates; each
/// position list is ascending and distinct. Every constructor path goes through
/// <see cref="FromSorted"/> or the normalizing builders, so instances are always canonical and
/// <see cref="ToString"/> equals PostgreSQL's output text.
/// </remarks>
public sealed partial class TsVector : IEquatable<TsVector>, IComparable<TsVector>
{
    /// <summary>Longest lexeme PostgreSQL accepts, in UTF-8 bytes (MAXSTRLEN - 1).</summary>
    internal const int MaxLexemeBytes = 2047;

    /// <summary>Most positions one lexeme keeps (MAXNUMPOS).</summary>
    internal const int MaxPositionsPerLexeme = 256;

    private readonly TsVectorEntry[] entries;

    private TsVector(TsVectorEntry[] entries) => this.entries = entries;

    /// <summary>The vector without lexemes.</summary>
    public static TsVector Empty { get; } = new([]);

    /// <summary>Number of distinct lexemes (PostgreSQL's <c>length(tsvector)</c>).</summary>
    public int Count => entries.Length;

    /// <summary>The lexemes in PostgreSQL order.</summary>
    public IReadOnlyList<TsVectorEntry> Entries => entries;

    internal ReadOnlySpan<TsVectorEntry> Span => entries;

    internal static TsVector FromSorted(TsVectorEntry[] sorted) => sorted.Length == 0 ? Empty : new(sorted);

    /// <summary>
    /// Index of <paramref name="lexeme"/>, or the bitwise complement of its insertion point.
    /// </summary>
    internal int Find(string lexeme)
    {
        int lo = 0, hi = entries.Length;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            var c = LexemeOrder.Compare(lexeme, entries[mid].Lexeme);
            if (c == 0)
            {
                return mid;
            }

            if (c > 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return ~lo;
    }

    /// <summary>
    /// The range of entries matching a query operand: the exact lexeme, or with <paramref name="prefix"/>
    /// every lexeme it prefixes (PostgreSQL's find_wordentry).
    /// </summary>
    internal (int Start, int Count) FindRange(string lexeme, bool prefix)
    {
        var at = Find(lexeme);
        if (!prefix)
        {
            return at >= 0 ? (at, 1) : (0, 0);
        }

        var start = at >= 0 ? at : ~at;
        var end = start;
        while (end < entries.Length && LexemeOrder.ComparePrefix(lexeme, entries[end].Lexeme) == 0)
        {
            end++;
        }

        return (start, end - start);
    }

    /// <summary>Total number of positions, counting a position-less lexeme as one (PG's cnt_length).</summary>
    internal int PositionCount()
    {
        var len = 0;
        foreach (var e in entries)
        {
            len += e.HasPositions ? e.PositionArray.Length : 1;
        }

        return len;
    }

    /// <inheritdoc/>
    public bool Equals(TsVector? other) => other is not null && CompareTo(other) == 0;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TsVector v && Equals(v);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var e in entries)
        {
            h.Add(e.Lexeme, StringComparer.Ordinal);
            foreach (var p in e.PositionArray)
            {
                h.Add(p.Packed);
            }
        }

        return h.ToHashCode();
    }
}
