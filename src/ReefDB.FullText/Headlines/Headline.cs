namespace ReefDB.FullText.Headlines;

/// <summary>ts_headline generation (wparser_def.c prsd_headline).</summary>
internal static class Headline
{
    public static string Generate(TextSearchConfig config, string document, TsQuery query, HeadlineOptions options) =>
        throw new FullTextException(SqlStates.InternalError, "ts_headline is not implemented yet");
}
