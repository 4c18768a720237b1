namespace ReefDB.FullText;

/// <summary>
/// One occurrence of a lexeme: a position 1..16383 and a weight A–D, packed the way PostgreSQL packs a
/// WordEntryPos (weight in the top two bits: A = 3, B = 2, C = 1, D = 0).
/// </summary>
public readonly record struct TsPosition
{
    /// <summary>The largest position PostgreSQL stores; larger positions are clamped to it.</summary>
    public const int MaxPosition = 16383;

    internal TsPosition(ushort packed) => Packed = packed;

    /// <summary>Creates a position; <paramref name="position"/> is clamped to <see cref="MaxPosition"/>.</summary>
    public TsPosition(int position, char weight)
        : this((ushort)((CodeOf(weight) << 14) | Math.Clamp(position, 0, MaxPosition)))
    {
    }

    internal ushort Packed { get; }

    /// <summary>The word position, 1..16383.</summary>
    public int Position => Packed & 0x3FFF;

    /// <summary>The weight code: 3 = A, 2 = B, 1 = C, 0 = D.</summary>
    public int WeightCode => Packed >> 14;

    /// <summary>The weight letter 'A'..'D'.</summary>
    public char Weight => (char)('D' - WeightCode);

    internal TsPosition WithWeight(int code) => new((ushort)((Packed & 0x3FFF) | (code << 14)));

    internal static int CodeOf(char weight) => weight switch
    {
        'A' or 'a' => 3,
        'B' or 'b' => 2,
        'C' or 'c' => 1,
        'D' or 'd' => 0,
        _ => throw new FullTextException(SqlStates.InternalError, $"unrecognized weight: {(int)weight}"),
    };

    internal static int Limit(int position) => position >= MaxPosition ? MaxPosition : position;
}
