namespace ReefDB.FullText;

public sealed partial class TsVector
{
    /// <summary>
    /// How often the term occurs: the positions of its lexeme (of every lexeme it starts, for a prefix term),
    /// a lexeme without positions counting once. Binary search: lexemes with a common prefix are adjacent in
    /// the vector's byte order.
    /// </summary>
    public long Occurrences(TsQueryTerm term)
    {
        var index = Find(term.Lexeme);
        if (!term.Prefix)
        {
            return index < 0 ? 0 : Math.Max(1, entries[index].PositionArray.Length);
        }

        long count = 0;
        for (var i = index < 0 ? ~index : index; i < entries.Length && entries[i].Lexeme.StartsWith(term.Lexeme, StringComparison.Ordinal); i++)
        {
            count += Math.Max(1, entries[i].PositionArray.Length);
        }

        return count;
    }
}
