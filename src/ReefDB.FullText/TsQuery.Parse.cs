using ReefDB.FullText.Querying;

namespace ReefDB.FullText;

public sealed partial class TsQuery
{
    /// <summary>
    /// Parses PostgreSQL tsquery input text as <c>'…'::tsquery</c> does: operands are taken as given
    /// (no normalization), e.g. <c>'fat':AB &amp; (rat | cat:*) &lt;-&gt; !dog</c>.
    /// </summary>
    /// <exception cref="FullTextException">42601 for malformed text; 22023 for a bad phrase distance.</exception>
    public static TsQuery Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return FromRoot(QueryParser.Parse(text, QueryMode.Standard, static (p, v, w, pre) => p.PushValue(v, w, pre)));
    }
}
