using ReefDB.FullText.Headlines;

namespace ReefDB.FullText;

public static partial class TextSearch
{
    /// <summary>
    /// <c>ts_headline([config,] document, query [, options])</c>: an excerpt of the document with query
    /// words highlighted. Options as PostgreSQL: StartSel, StopSel, MaxWords, MinWords, ShortWord,
    /// HighlightAll, MaxFragments, FragmentDelimiter.
    /// </summary>
    /// <exception cref="FullTextException">22023 for an invalid option value.</exception>
    public static string TsHeadline(TextSearchConfig config, string document, TsQuery query, string? options = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(query);
        return Headline.Generate(config, document, query, HeadlineOptions.Parse(options));
    }
}
