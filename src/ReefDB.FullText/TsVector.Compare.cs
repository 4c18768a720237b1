namespace ReefDB.FullText;

public sealed partial class TsVector
{
    /// <summary>
    /// PostgreSQL's tsvector ordering (silly_cmp_tsvector): by stored size, then lexeme count, then
    /// lexeme by lexeme. It is not a lexicographic order of the text, but it is the one btree uses.
    /// </summary>
    public int CompareTo(TsVector? other)
    {
        if (other is null)
        {
            return 1;
        }

        var sa = StoredSize();
        var sb = other.StoredSize();
        if (sa != sb)
        {
            return sa < sb ? -1 : 1;
        }

        if (entries.Length != other.entries.Length)
        {
            return entries.Length < other.entries.Length ? -1 : 1;
        }

        for (var i = 0; i < entries.Length; i++)
        {
            var a = entries[i];
            var b = other.entries[i];
            if (a.HasPositions != b.HasPositions)
            {
                return a.HasPositions ? -1 : 1;
            }

            var c = LexemeOrder.Compare(a.Lexeme, b.Lexeme);
            if (c != 0)
            {
                return c;
            }

            if (a.HasPositions)
            {
                var pa = a.PositionArray;
                var pb = b.PositionArray;
                if (pa.Length != pb.Length)
                {
                    return pa.Length > pb.Length ? -1 : 1;
                }

                for (var j = 0; j < pa.Length; j++)
                {
                    if (pa[j].Position != pb[j].Position)
                    {
                        return pa[j].Position > pb[j].Position ? -1 : 1;
                    }

                    if (pa[j].WeightCode != pb[j].WeightCode)
                    {
                        return pa[j].WeightCode > pb[j].WeightCode ? -1 : 1;
                    }
                }
            }
        }

        return 0;
    }

    /// <summary>The varlena size PostgreSQL would store: header, WordEntry array, lexemes, aligned positions.</summary>
    internal int StoredSize()
    {
        var size = 0;
        foreach (var e in entries)
        {
            size += LexemeOrder.Utf8Length(e.Lexeme);
            if (e.HasPositions)
            {
                size = (size + 1) & ~1;
                size += 2 + (2 * e.PositionArray.Length);
            }
        }

        return 8 + (4 * entries.Length) + size;
    }

    /// <summary>SQL <c>=</c>.</summary>
    public static bool operator ==(TsVector? a, TsVector? b) => a is null ? b is null : a.Equals(b);

    /// <summary>SQL <c>&lt;&gt;</c>.</summary>
    public static bool operator !=(TsVector? a, TsVector? b) => !(a == b);

    /// <summary>SQL <c>&lt;</c>.</summary>
    public static bool operator <(TsVector a, TsVector b) => a.CompareTo(b) < 0;

    /// <summary>SQL <c>&gt;</c>.</summary>
    public static bool operator >(TsVector a, TsVector b) => a.CompareTo(b) > 0;

    /// <summary>SQL <c>&lt;=</c>.</summary>
    public static bool operator <=(TsVector a, TsVector b) => a.CompareTo(b) <= 0;

    /// <summary>SQL <c>&gt;=</c>.</summary>
    public static bool operator >=(TsVector a, TsVector b) => a.CompareTo(b) >= 0;
}
