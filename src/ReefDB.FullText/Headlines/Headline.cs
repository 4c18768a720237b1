using System.Text;
using ReefDB.FullText.Parsing;
using ReefDB.FullText.Querying;

namespace ReefDB.FullText.Headlines;

/// <summary>
/// ts_headline: hlparsetext (tokens tagged with the query operands they match), the default parser's
/// selector (prsd_headline: mark_hl_words or mark_hl_fragments) and generateHeadline.
/// </summary>
internal static partial class Headline
{
    public static string Generate(TextSearchConfig config, string document, TsQuery query, HeadlineOptions options)
    {
        var words = ParseForHeadline(config, document, query);
        var maxCover = Math.Max(options.MaxWords * 10, 100);
        if (options.MaxFragments > 0)
        {
            maxCover *= options.MaxFragments;
        }

        var selector = new Selector(words, query, options, maxCover);
        if (options.MaxFragments == 0)
        {
            selector.MarkWords();
        }
        else
        {
            selector.MarkFragments();
        }

        return Render(words, options);
    }

    /// <summary>hlparsetext: every token becomes a word; indexed tokens take positions and find their operands.</summary>
    private static List<HeadlineWord> ParseForHeadline(TextSearchConfig config, string document, TsQuery query)
    {
        var operands = query.Items().OfType<OperandNode>().ToList();
        var words = new List<HeadlineWord>();
        var vectorPos = 0;
        foreach (var token in DefaultParser.Tokenize(document))
        {
            if (LexemeOrder.Utf8Length(token.Text) > TsVector.MaxLexemeBytes)
            {
                throw new FullTextException(SqlStates.ProgramLimitExceeded, "word is too long to be indexed");
            }

            var word = new HeadlineWord(token.Type, token.Text);
            words.Add(word);
            var lexemes = config.Lexize(token);
            if (lexemes is null)
            {
                continue;
            }

            vectorPos++;
            foreach (var lexeme in lexemes)
            {
                word.Pos = TsPosition.Limit(vectorPos);
                foreach (var operand in operands)
                {
                    var cmp = operand.Prefix ? LexemeOrder.ComparePrefix(operand.Lexeme, lexeme) : LexemeOrder.Compare(operand.Lexeme, lexeme);
                    if (cmp != 0)
                    {
                        continue;
                    }

                    if (word.Item is null)
                    {
                        word.Item = operand;
                    }
                    else
                    {
                        words.Add(word.CopyAsRepeat(operand));
                    }
                }
            }
        }

        return words;
    }

    /// <summary>generateHeadline: selected words wrapped in StartSel/StopSel, fragments joined by the delimiter.</summary>
    private static string Render(List<HeadlineWord> words, HeadlineOptions options)
    {
        var sb = new StringBuilder();
        var inFragment = false;
        var fragments = 0;
        foreach (var w in words)
        {
            if (w.In && !w.Repeated)
            {
                if (!inFragment)
                {
                    inFragment = true;
                    fragments++;
                    if (fragments > 1)
                    {
                        sb.Append(options.FragmentDelimiter);
                    }
                }

                if (w.Replace)
                {
                    sb.Append(' ');
                }
                else if (!w.Skip)
                {
                    if (w.Selected)
                    {
                        sb.Append(options.StartSel);
                    }

                    sb.Append(w.Text);
                    if (w.Selected)
                    {
                        sb.Append(options.StopSel);
                    }
                }
            }
            else if (!w.Repeated)
            {
                inFragment = false;
            }
        }

        return sb.ToString();
    }
}
