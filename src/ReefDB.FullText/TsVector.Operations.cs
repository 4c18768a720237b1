namespace ReefDB.FullText;

public sealed partial class TsVector
{
    /// <summary>
    /// <c>tsvector || tsvector</c>: the right vector's positions are shifted past the left vector's largest
    /// position; a lexeme in both keeps the left positions followed by the shifted right ones.
    /// </summary>
    public static TsVector Concat(TsVector left, TsVector right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var maxPos = 0;
        foreach (var e in left.entries)
        {
            foreach (var p in e.PositionArray)
            {
                maxPos = Math.Max(maxPos, p.Position);
            }
        }

        var result = new List<TsVectorEntry>(left.entries.Length + right.entries.Length);
        int i = 0, j = 0;
        while (i < left.entries.Length || j < right.entries.Length)
        {
            var c = i >= left.entries.Length ? 1
                : j >= right.entries.Length ? -1
                : LexemeOrder.Compare(left.entries[i].Lexeme, right.entries[j].Lexeme);
            if (c < 0)
            {
                result.Add(left.entries[i++]);
            }
            else if (c > 0)
            {
                var e = right.entries[j++];
                result.Add(new TsVectorEntry(e.Lexeme, ShiftInto([], e.PositionArray, maxPos)));
            }
            else
            {
                var l = left.entries[i++];
                var r = right.entries[j++];
                result.Add(new TsVectorEntry(l.Lexeme, ShiftInto(l.PositionArray, r.PositionArray, maxPos)));
            }
        }

        return FromSorted([.. result]);
    }

    /// <summary>PG's add_pos: append shifted positions while under 256 and not yet at the clamp.</summary>
    private static TsPosition[] ShiftInto(TsPosition[] existing, TsPosition[] added, int shift)
    {
        if (added.Length == 0)
        {
            return existing;
        }

        var list = new List<TsPosition>(existing);
        foreach (var p in added)
        {
            if (list.Count >= MaxPositionsPerLexeme || (list.Count > 0 && list[^1].Position == TsPosition.MaxPosition))
            {
                break;
            }

            list.Add(new TsPosition((ushort)((p.WeightCode << 14) | TsPosition.Limit(p.Position + shift))));
        }

        return [.. list];
    }

    /// <summary><c>setweight(vector, weight)</c>: every position gets the weight.</summary>
    public TsVector SetWeight(char weight) => SetWeight(weight, null);

    /// <summary>
    /// <c>setweight(vector, weight, lexemes)</c>: positions of the listed lexemes get the weight
    /// (all lexemes when <paramref name="lexemes"/> is null).
    /// </summary>
    public TsVector SetWeight(char weight, IEnumerable<string?>? lexemes)
    {
        var code = TsPosition.CodeOf(weight);
        HashSet<string>? only = null;
        if (lexemes is not null)
        {
            only = new HashSet<string>(StringComparer.Ordinal);
            // PostgreSQL 15 ignores NULL elements here (array_to_tsvector rejects them).
            foreach (var l in lexemes)
            {
                if (l is not null)
                {
                    only.Add(l);
                }
            }
        }

        var result = new TsVectorEntry[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            var e = entries[i];
            if (only is not null && !only.Contains(e.Lexeme))
            {
                result[i] = e;
                continue;
            }

            result[i] = new TsVectorEntry(e.Lexeme, [.. e.PositionArray.Select(p => p.WithWeight(code))]);
        }

        return FromSorted(result);
    }

    /// <summary><c>strip(vector)</c>: the lexemes without positions or weights.</summary>
    public TsVector Strip() => FromSorted([.. entries.Select(e => new TsVectorEntry(e.Lexeme, []))]);

    /// <summary><c>ts_delete(vector, lexemes)</c>: the vector without the given lexemes.</summary>
    public TsVector Delete(IEnumerable<string> lexemes)
    {
        var drop = new HashSet<string>(lexemes, StringComparer.Ordinal);
        return FromSorted([.. entries.Where(e => !drop.Contains(e.Lexeme))]);
    }

    /// <summary><c>ts_filter(vector, weights)</c>: only positions with one of the given weights.</summary>
    public TsVector Filter(IEnumerable<char> weights)
    {
        var mask = 0;
        foreach (var w in weights)
        {
            mask |= 1 << TsPosition.CodeOf(w);
        }

        var result = new List<TsVectorEntry>();
        foreach (var e in entries)
        {
            var kept = e.PositionArray.Where(p => (mask & (1 << p.WeightCode)) != 0).ToArray();
            if (kept.Length > 0)
            {
                result.Add(new TsVectorEntry(e.Lexeme, kept));
            }
        }

        return FromSorted([.. result]);
    }

    /// <summary><c>tsvector_to_array(vector)</c>: the lexemes in order.</summary>
    public IReadOnlyList<string> ToLexemeArray() => [.. entries.Select(e => e.Lexeme)];
}
