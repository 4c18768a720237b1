using System.Text;
using ReefDB.FullText.Querying;

namespace ReefDB.FullText;

public sealed partial class TsQuery
{
    /// <summary>
    /// PostgreSQL's tsquery ordering (CompareTSQ): by item count, then stored size, then node by node
    /// where operands compare by a legacy CRC32 of the lexeme before the lexeme itself. Weights and
    /// prefix flags do not take part, as in PostgreSQL.
    /// </summary>
    public int CompareTo(TsQuery? other)
    {
        if (other is null)
        {
            return 1;
        }

        if (NumNode != other.NumNode)
        {
            return NumNode < other.NumNode ? -1 : 1;
        }

        var sa = StoredSize();
        var sb = other.StoredSize();
        if (sa != sb)
        {
            return sa < sb ? -1 : 1;
        }

        return Root is null ? 0 : CompareNodes(Root, other.Root!);
    }

    private int StoredSize()
    {
        var size = 8 + (12 * NumNode);
        foreach (var item in Items())
        {
            if (item is OperandNode o)
            {
                size += LexemeOrder.Utf8Length(o.Lexeme) + 1;
            }
        }

        return size;
    }

    private static int CompareNodes(QueryNode a, QueryNode b)
    {
        // QI_VAL = 1 sorts after QI_OPR = 2: PostgreSQL returns -1 when a's type code is larger.
        var ta = a is OperandNode ? 1 : 2;
        var tb = b is OperandNode ? 1 : 2;
        if (ta != tb)
        {
            return ta > tb ? -1 : 1;
        }

        if (a is OperandNode oa && b is OperandNode ob)
        {
            var ca = LegacyCrc32(oa.Lexeme);
            var cb = LegacyCrc32(ob.Lexeme);
            if (ca != cb)
            {
                return ca > cb ? -1 : 1;
            }

            return LexemeOrder.Compare(oa.Lexeme, ob.Lexeme);
        }

        var pa = (OperatorNode)a;
        var pb = (OperatorNode)b;
        if (pa.Op != pb.Op)
        {
            return pa.Op > pb.Op ? -1 : 1;
        }

        // Children in PostgreSQL's order: the right operand first, then the left.
        var res = CompareNodes(pa.Right, pb.Right);
        if (res != 0)
        {
            return res;
        }

        if (pa.Left is not null)
        {
            res = CompareNodes(pa.Left, pb.Left!);
            if (res != 0)
            {
                return res;
            }
        }

        if (pa.Op == QueryOp.Phrase && pa.Distance != pb.Distance)
        {
            return pa.Distance > pb.Distance ? -1 : 1;
        }

        return 0;
    }

    private static readonly uint[] CrcTable = BuildCrcTable();

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }

    /// <summary>
    /// PostgreSQL's legacy CRC32 (reflected table, unreflected shift), kept for on-disk compatibility and
    /// used in tsquery ordering; its int32 reinterpretation is what compares.
    /// </summary>
    internal static int LegacyCrc32(string lexeme)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in Encoding.UTF8.GetBytes(lexeme))
        {
            crc = CrcTable[((crc >> 24) ^ b) & 0xFF] ^ (crc << 8);
        }

        return unchecked((int)(crc ^ 0xFFFFFFFFu));
    }

    /// <inheritdoc/>
    public bool Equals(TsQuery? other) => other is not null && CompareTo(other) == 0;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TsQuery q && Equals(q);

    /// <inheritdoc/>
    public override int GetHashCode() => NumNode ^ (StoredSize() << 8);

    /// <summary>SQL <c>=</c>.</summary>
    public static bool operator ==(TsQuery? a, TsQuery? b) => a is null ? b is null : a.Equals(b);

    /// <summary>SQL <c>&lt;&gt;</c>.</summary>
    public static bool operator !=(TsQuery? a, TsQuery? b) => !(a == b);

    /// <summary>SQL <c>&lt;</c>.</summary>
    public static bool operator <(TsQuery a, TsQuery b) => a.CompareTo(b) < 0;

    /// <summary>SQL <c>&gt;</c>.</summary>
    public static bool operator >(TsQuery a, TsQuery b) => a.CompareTo(b) > 0;

    /// <summary>SQL <c>&lt;=</c>.</summary>
    public static bool operator <=(TsQuery a, TsQuery b) => a.CompareTo(b) <= 0;

    /// <summary>SQL <c>&gt;=</c>.</summary>
    public static bool operator >=(TsQuery a, TsQuery b) => a.CompareTo(b) >= 0;
}
