namespace ReefDB.FullText;

/// <summary>One lexeme of a <see cref="TsVector"/> with its positions (empty when stripped).</summary>
public readonly struct TsVectorEntry
{
    private readonly TsPosition[]? positions;

    internal TsVectorEntry(string lexeme, TsPosition[] positions)
    {
        Lexeme = lexeme;
        this.positions = positions;
    }

    /// <summary>The normalized word.</summary>
    public string Lexeme { get; }

    /// <summary>Positions in ascending order, each distinct; empty when the vector carries none.</summary>
    public IReadOnlyList<TsPosition> Positions => positions ?? [];

    internal TsPosition[] PositionArray => positions ?? [];

    internal bool HasPositions => positions is { Length: > 0 };
}
