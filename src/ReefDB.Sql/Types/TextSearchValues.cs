using ReefDB.FullText;
using ReefDB.Sql.Errors;

namespace ReefDB.Sql.Types;

/// <summary>
/// The value layer's bridge to ReefDB.FullText for the tsvector and tsquery types: text input with
/// PostgreSQL's errors as <see cref="SqlException"/>, and hashes that are stable across processes.
/// </summary>
internal static class TextSearchValues
{
    /// <summary>tsvectorin: 42601 "syntax error in tsvector" and the like.</summary>
    public static TsVector ParseVector(string text) => Translate(() => TsVector.Parse(text));

    /// <summary>tsqueryin.</summary>
    public static TsQuery ParseQuery(string text) => Translate(() => TsQuery.Parse(text));

    /// <summary>Runs library code, rethrowing its errors with their SQLSTATE and message unchanged.</summary>
    public static T Translate<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (FullTextException e)
        {
            throw new SqlException(e.SqlState, e.Message);
        }
    }

    /// <summary>
    /// A hash consistent with tsvector equality (equal vectors have equal lexemes) that does not depend on
    /// the process (System.HashCode is seeded per process; DESIGN.md §2 wants nothing observable to).
    /// </summary>
    public static int Hash(TsVector vector)
    {
        var h = 17;
        foreach (var entry in vector.Entries)
        {
            h = unchecked((h * 31) + TextOrder.Hash(entry.Lexeme));
        }
        return h;
    }

    /// <summary>A hash consistent with tsquery equality: equal queries print alike.</summary>
    public static int Hash(TsQuery query) => TextOrder.Hash(query.ToStorageText());
}
