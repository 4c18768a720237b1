using System.Globalization;
using System.Text;

namespace ReefDB.FullText.Headlines;

/// <summary>Parsed ts_headline options, with prsd_headline's defaults and checks.</summary>
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
    public static HeadlineOptions Parse(string? options)
    {
        string startSel = "<b>", stopSel = "</b>", delimiter = " ... ";
        int maxWords = 35, minWords = 15, shortWord = 3, maxFragments = 0;
        var highlightAll = false;
        foreach (var (key, value) in Deserialize(options ?? ""))
        {
            switch (key.ToLowerInvariant())
            {
                case "maxwords":
                    maxWords = ParseInt(value);
                    break;
                case "minwords":
                    minWords = ParseInt(value);
                    break;
                case "shortword":
                    shortWord = ParseInt(value);
                    break;
                case "maxfragments":
                    maxFragments = ParseInt(value);
                    break;
                case "startsel":
                    startSel = value;
                    break;
                case "stopsel":
                    stopSel = value;
                    break;
                case "fragmentdelimiter":
                    delimiter = value;
                    break;
                case "highlightall":
                    highlightAll = value.ToLowerInvariant() is "1" or "on" or "true" or "t" or "y" or "yes";
                    break;
                default:
                    throw new FullTextException(SqlStates.InvalidParameterValue, $"unrecognized headline parameter: \"{key}\"");
            }
        }

        if (!highlightAll)
        {
            if (minWords >= maxWords)
            {
                throw new FullTextException(SqlStates.InvalidParameterValue, "MinWords should be less than MaxWords");
            }

            if (minWords <= 0)
            {
                throw new FullTextException(SqlStates.InvalidParameterValue, "MinWords should be positive");
            }

            if (shortWord < 0)
            {
                throw new FullTextException(SqlStates.InvalidParameterValue, "ShortWord should be >= 0");
            }

            if (maxFragments < 0)
            {
                throw new FullTextException(SqlStates.InvalidParameterValue, "MaxFragments should be >= 0");
            }
        }

        return new HeadlineOptions(startSel, stopSel, maxWords, minWords, shortWord, highlightAll, maxFragments, delimiter);
    }

    private static int ParseInt(string value) =>
        int.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new FullTextException(SqlStates.InvalidTextRepresentation, $"invalid input syntax for type integer: \"{value}\"");

    /// <summary>
    /// deserialize_deflist: <c>name = value, …</c> where a value is a bare word or a quoted string
    /// ("…" or '…', the quote doubled inside).
    /// </summary>
    private static List<(string Key, string Value)> Deserialize(string text)
    {
        var result = new List<(string, string)>();
        var i = 0;
        void SkipSpace()
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }
        }

        FullTextException Bad() => new(SqlStates.SyntaxError, $"invalid parameter list format: \"{text}\"");
        SkipSpace();
        while (i < text.Length)
        {
            var keyStart = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '=')
            {
                i++;
            }

            var key = text[keyStart..i];
            SkipSpace();
            if (key.Length == 0 || i >= text.Length || text[i] != '=')
            {
                throw Bad();
            }

            i++;
            SkipSpace();
            if (i >= text.Length)
            {
                throw Bad();
            }

            var sb = new StringBuilder();
            if (text[i] is '"' or '\'')
            {
                var quote = text[i++];
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw Bad();
                    }

                    if (text[i] == quote)
                    {
                        if (i + 1 < text.Length && text[i + 1] == quote)
                        {
                            sb.Append(quote);
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    sb.Append(text[i++]);
                }
            }
            else
            {
                while (i < text.Length && text[i] != ',' && !char.IsWhiteSpace(text[i]))
                {
                    sb.Append(text[i++]);
                }
            }

            result.Add((key, sb.ToString()));
            SkipSpace();
            if (i < text.Length)
            {
                if (text[i] != ',')
                {
                    throw Bad();
                }

                i++;
                SkipSpace();
            }
        }

        return result;
    }
}
