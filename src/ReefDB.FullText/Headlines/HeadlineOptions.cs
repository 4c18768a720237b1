namespace ReefDB.FullText.Headlines;

/// <summary>Parsed ts_headline options (prsd_headline's defaults).</summary>
internal sealed record HeadlineOptions(
    string StartSel,
    string StopSel,
    int MaxWords,
    int MinWords,
    int ShortWord,
    bool HighlightAll,
    int MaxFragments,
    string FragmentDelimiter)
{
    public static HeadlineOptions Parse(string? options) => new("<b>", "</b>", 35, 15, 3, false, 0, " ... ");
}
