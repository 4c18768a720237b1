namespace ReefDB.FullText;

public sealed partial class TsVector
{
    /// <summary>
    /// <c>array_to_tsvector(lexemes)</c>: the distinct lexemes without positions.
    /// </summary>
    /// <exception cref="FullTextException">22004 for a null element, 22023 for an empty string.</exception>
    public static TsVector FromLexemes(IEnumerable<string?> lexemes)
    {
        ArgumentNullException.ThrowIfNull(lexemes);
        var words = new List<(string, List<TsPosition>?)>();
        foreach (var l in lexemes)
        {
            if (l is null)
            {
                throw new FullTextException(SqlStates.NullValueNotAllowed, "lexeme array may not contain nulls");
            }

            if (l.Length == 0)
            {
                throw new FullTextException(SqlStates.ZeroLengthString, "lexeme array may not contain empty strings");
            }

            words.Add((l, null));
        }

        return FromUnsorted(words);
    }
}
