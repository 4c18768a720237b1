namespace ReefDB.Sql.Types;

public readonly partial struct SqlValue : IEquatable<SqlValue>, IComparable<SqlValue>
{
    /// <summary>
    /// A total order over all values, for sorting, DISTINCT, GROUP BY and index keys; <c>0</c> means "the
    /// same key", not SQL <c>=</c> (NULL equals NULL here).
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item>NULL sorts after every other value (PostgreSQL's default: NULLS LAST for ASC); callers that want
    /// NULLS FIRST or DESC invert around this.</item>
    /// <item>Numbers compare across kinds by value: integer and numeric exactly; a real or double against any
    /// number after converting the other side to double, as PostgreSQL casts to float8. NaN is greater than
    /// every other number and equal to itself; -0 equals 0.</item>
    /// <item>Text compares by Unicode code point (the C collation: UTF-8 byte order).</item>
    /// <item>A date equals the timestamp at its midnight. Bytea compares bytewise, shorter first on a tie.</item>
    /// <item>Values of unrelated kinds order by kind family (boolean, number, text, date/time, bytea, uuid,
    /// tsvector, tsquery) so that the order stays total.</item>
    /// </list>
    /// </remarks>
    public static int Compare(SqlValue left, SqlValue right)
    {
        if (left.tag == right.tag)
        {
            return CompareSameKind(left, right);
        }
        var leftFamily = Family(left.tag);
        var rightFamily = Family(right.tag);
        if (leftFamily != rightFamily)
        {
            return leftFamily.CompareTo(rightFamily);
        }
        return leftFamily switch
        {
            FamilyNumber => CompareNumbers(left, right),
            FamilyDateTime => TimestampKey(left).CompareTo(TimestampKey(right)),
            _ => left.tag.CompareTo(right.tag),
        };
    }

    /// <inheritdoc cref="Compare(SqlValue, SqlValue)"/>
    public int CompareTo(SqlValue other) => Compare(this, other);

    /// <summary>Key equality consistent with <see cref="Compare(SqlValue, SqlValue)"/> (NULL equals NULL; 1 equals 1.0).</summary>
    public bool Equals(SqlValue other) => Compare(this, other) == 0;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SqlValue other && Equals(other);

    /// <summary>
    /// A hash consistent with <see cref="Equals(SqlValue)"/>: every number hashes by its double value, so
    /// 1, 1.0 and 1::numeric collide on purpose. Deterministic across processes (no randomized string hashing).
    /// </summary>
    public override int GetHashCode()
    {
        switch (tag)
        {
            case SqlValueKind.Null:
                return 0;
            case SqlValueKind.Boolean:
                return primitiveSlot == 0 ? 0x2545F491 : 0x4F6CDD1D;
            case SqlValueKind.Int64:
            case SqlValueKind.Float32:
            case SqlValueKind.Float64:
            case SqlValueKind.Numeric:
                var d = ToDouble();
                var bits = double.IsNaN(d) ? 0x7FF8000000000000L : d == 0 ? 0L : BitConverter.DoubleToInt64Bits(d);
                return Mix(bits);
            case SqlValueKind.Text:
                return TextOrder.Hash((string)objectSlot!);
            case SqlValueKind.Date:
            case SqlValueKind.Timestamp:
                return Mix(TimestampKey(this));
            case SqlValueKind.Bytea:
                return TextOrder.Hash((byte[])objectSlot!);
            case SqlValueKind.TsVector:
                return TextSearchValues.Hash((ReefDB.FullText.TsVector)objectSlot!);
            case SqlValueKind.TsQuery:
                return TextSearchValues.Hash((ReefDB.FullText.TsQuery)objectSlot!);
            default:
                return objectSlot!.GetHashCode();
        }
    }

    /// <summary>Key equality, as <see cref="Equals(SqlValue)"/>.</summary>
    public static bool operator ==(SqlValue left, SqlValue right) => left.Equals(right);

    /// <summary>Key inequality.</summary>
    public static bool operator !=(SqlValue left, SqlValue right) => !left.Equals(right);

    /// <summary>Order as <see cref="Compare(SqlValue, SqlValue)"/>.</summary>
    public static bool operator <(SqlValue left, SqlValue right) => Compare(left, right) < 0;

    /// <summary>Order as <see cref="Compare(SqlValue, SqlValue)"/>.</summary>
    public static bool operator <=(SqlValue left, SqlValue right) => Compare(left, right) <= 0;

    /// <summary>Order as <see cref="Compare(SqlValue, SqlValue)"/>.</summary>
    public static bool operator >(SqlValue left, SqlValue right) => Compare(left, right) > 0;

    /// <summary>Order as <see cref="Compare(SqlValue, SqlValue)"/>.</summary>
    public static bool operator >=(SqlValue left, SqlValue right) => Compare(left, right) >= 0;

    /// <summary>PostgreSQL's float order: NaN above everything, NaN = NaN, -0 = 0.</summary>
    internal static int CompareDoubles(double a, double b)
    {
        if (double.IsNaN(a))
        {
            return double.IsNaN(b) ? 0 : 1;
        }
        if (double.IsNaN(b))
        {
            return -1;
        }
        return a < b ? -1 : a > b ? 1 : 0;
    }

    private const int FamilyBoolean = 0;
    private const int FamilyNumber = 1;
    private const int FamilyText = 2;
    private const int FamilyDateTime = 3;
    private const int FamilyNull = 100;

    private static int Family(SqlValueKind kind) => kind switch
    {
        SqlValueKind.Null => FamilyNull,
        SqlValueKind.Boolean => FamilyBoolean,
        SqlValueKind.Int64 or SqlValueKind.Float32 or SqlValueKind.Float64 or SqlValueKind.Numeric => FamilyNumber,
        SqlValueKind.Text => FamilyText,
        SqlValueKind.Date or SqlValueKind.Timestamp => FamilyDateTime,
        _ => 10 + (int)kind,
    };

    private static long TimestampKey(SqlValue value) =>
        value.tag == SqlValueKind.Date ? value.primitiveSlot * PgDateTime.MicrosPerDay : value.primitiveSlot;

    private static int CompareSameKind(SqlValue left, SqlValue right)
    {
        switch (left.tag)
        {
            case SqlValueKind.Null:
                return 0;
            case SqlValueKind.Boolean:
            case SqlValueKind.Int64:
            case SqlValueKind.Date:
            case SqlValueKind.Timestamp:
                return left.primitiveSlot.CompareTo(right.primitiveSlot);
            case SqlValueKind.Float32:
            case SqlValueKind.Float64:
                return CompareDoubles(left.AsDouble, right.AsDouble);
            case SqlValueKind.Numeric:
                return ((decimal)left.objectSlot!).CompareTo((decimal)right.objectSlot!);
            case SqlValueKind.Text:
                return TextOrder.Compare((string)left.objectSlot!, (string)right.objectSlot!);
            case SqlValueKind.Bytea:
                return ((byte[])left.objectSlot!).AsSpan().SequenceCompareTo((byte[])right.objectSlot!);
            case SqlValueKind.Uuid:
                // PostgreSQL orders uuids by their 16 bytes in text order (big-endian).
                return CompareUuids((Guid)left.objectSlot!, (Guid)right.objectSlot!);
            case SqlValueKind.TsVector:
                return ((ReefDB.FullText.TsVector)left.objectSlot!).CompareTo((ReefDB.FullText.TsVector)right.objectSlot!);
            case SqlValueKind.TsQuery:
                return ((ReefDB.FullText.TsQuery)left.objectSlot!).CompareTo((ReefDB.FullText.TsQuery)right.objectSlot!);
            default:
                return left.objectSlot is IComparable comparable
                    ? comparable.CompareTo(right.objectSlot)
                    : string.CompareOrdinal(left.objectSlot!.ToString(), right.objectSlot!.ToString());
        }
    }

    private static int CompareUuids(Guid a, Guid b)
    {
        Span<byte> x = stackalloc byte[16];
        Span<byte> y = stackalloc byte[16];
        a.TryWriteBytes(x, bigEndian: true, out _);
        b.TryWriteBytes(y, bigEndian: true, out _);
        return x.SequenceCompareTo(y);
    }

    private static int CompareNumbers(SqlValue left, SqlValue right)
    {
        if (left.tag is SqlValueKind.Float32 or SqlValueKind.Float64
            || right.tag is SqlValueKind.Float32 or SqlValueKind.Float64)
        {
            return CompareDoubles(left.ToDouble(), right.ToDouble());
        }
        // Integer against numeric: exact in decimal, which holds every long.
        var l = left.tag == SqlValueKind.Int64 ? left.primitiveSlot : (decimal)left.objectSlot!;
        var r = right.tag == SqlValueKind.Int64 ? right.primitiveSlot : (decimal)right.objectSlot!;
        return l.CompareTo(r);
    }

    private static int Mix(long bits)
    {
        var x = (ulong)bits;
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccdUL;
        x ^= x >> 33;
        return (int)x ^ (int)(x >> 32);
    }
}
