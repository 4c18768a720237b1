using ReefDB.FullText.Parsing;

namespace ReefDB.FullText;

public sealed partial class TsVector
{
    /// <summary>
    /// Parses PostgreSQL tsvector input text (<c>'fat':2A cat:1,3</c>): sorts lexemes, merges duplicates
    /// and their positions exactly as tsvectorin does.
    /// </summary>
    /// <exception cref="FullTextException">42601 for malformed text, 54000 for an over-long word.</exception>
    public static TsVector Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokenizer = new ValueTokenizer(text, isTsQuery: false, isWeb: false);
        var words = new List<(string Lexeme, List<TsPosition>? Positions)>();
        var positions = new List<TsPosition>();
        while (tokenizer.Next(out var word, positions))
        {
            var bytes = LexemeOrder.Utf8Length(word);
            if (bytes > MaxLexemeBytes)
            {
                throw new FullTextException(
                    SqlStates.ProgramLimitExceeded,
                    $"word is too long ({bytes} bytes, max {MaxLexemeBytes} bytes)");
            }

            words.Add((word, positions.Count > 0 ? [.. positions] : null));
        }

        return FromUnsorted(words);
    }

    /// <summary>tsvectorin's uniqueentry: sort, merge equal lexemes, union and de-duplicate positions.</summary>
    internal static TsVector FromUnsorted(List<(string Lexeme, List<TsPosition>? Positions)> words)
    {
        if (words.Count == 0)
        {
            return Empty;
        }

        var sorted = words.OrderBy(w => w.Lexeme, Comparer<string>.Create(LexemeOrder.Compare)).ToList();
        var result = new List<TsVectorEntry>(sorted.Count);
        var i = 0;
        while (i < sorted.Count)
        {
            var lexeme = sorted[i].Lexeme;
            List<TsPosition>? merged = null;
            while (i < sorted.Count && sorted[i].Lexeme == lexeme)
            {
                if (sorted[i].Positions is { } p)
                {
                    (merged ??= []).AddRange(p);
                }

                i++;
            }

            result.Add(new TsVectorEntry(lexeme, merged is null ? [] : UniquePositions(merged)));
        }

        return FromSorted([.. result]);
    }

    /// <summary>
    /// tsvectorin's uniquePos: sort by position, keep the highest weight of equal positions, stop at
    /// 256 positions or at the clamp position 16383.
    /// </summary>
    internal static TsPosition[] UniquePositions(List<TsPosition> positions)
    {
        if (positions.Count <= 1)
        {
            return [.. positions];
        }

        var sorted = positions.OrderBy(p => p.Position).ToList();
        var result = new List<TsPosition> { sorted[0] };
        for (var k = 1; k < sorted.Count; k++)
        {
            var last = result[^1];
            if (sorted[k].Position != last.Position)
            {
                result.Add(sorted[k]);
                if (result.Count >= MaxPositionsPerLexeme || sorted[k].Position == TsPosition.MaxPosition)
                {
                    break;
                }
            }
            else if (sorted[k].WeightCode > last.WeightCode)
            {
                result[^1] = last.WithWeight(sorted[k].WeightCode);
            }
        }

        return [.. result];
    }
}
