using ReefDB.FullText.Parsing;
using ReefDB.FullText.Querying;

namespace ReefDB.FullText.Headlines;

internal static partial class Headline
{
    /// <summary>The default parser's headline selector (mark_hl_words / mark_hl_fragments), index for index.</summary>
    private sealed partial class Selector(List<HeadlineWord> words, TsQuery query, HeadlineOptions options, int maxCover)
    {
        private static bool NonWord(TokenType t) =>
            t is TokenType.Blank or TokenType.Tag or TokenType.Url or TokenType.NumHWord or TokenType.AsciiHWord or TokenType.HWord;

        private static bool NoEnd(TokenType t) =>
            NonWord(t) || t is TokenType.ScientificFloat or TokenType.Version or TokenType.Float or TokenType.SignedInt
                or TokenType.UnsignedInt or TokenType.Protocol or TokenType.Entity;

        private bool Interesting(int j) => words[j].Item is not null && !words[j].Repeated;

        private bool BadEndpoint(int j) =>
            (NoEnd(words[j].Type) || words[j].ByteLength <= options.ShortWord) && !Interesting(j);

        private int FirstIndex(int pos)
        {
            for (var i = pos; i < words.Count; i++)
            {
                if (words[i].Item is not null)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>hlCover: the earliest, shortest word range (at most maxCover long) satisfying the query.</summary>
        private bool Cover(ref int p, out int q)
        {
            q = 0;
            if (query.Root is null)
            {
                return false;
            }

            var pmin = FirstIndex(p);
            while (pmin >= 0)
            {
                var nextpmin = -1;
                var pmax = pmin;
                do
                {
                    var from = pmin;
                    var len = pmax - pmin + 1;
                    if (QueryExecutor.Execute(query.Root, ExecFlags.None, (operand, data) => Check(from, len, operand, data)))
                    {
                        p = pmin;
                        q = pmax;
                        return true;
                    }

                    var nextpmax = FirstIndex(pmax + 1);
                    if (pmax == pmin)
                    {
                        nextpmin = nextpmax;
                    }

                    pmax = nextpmax;
                }
                while (pmax >= 0 && pmax - pmin < maxCover);
                pmin = nextpmin;
            }

            return false;
        }

        /// <summary>checkcondition_HL: the operand occurs among the range's words; positions ascending.</summary>
        private Ternary Check(int from, int len, OperandNode operand, PhraseData? data)
        {
            var found = false;
            for (var i = from; i < from + len; i++)
            {
                if (!ReferenceEquals(words[i].Item, operand))
                {
                    continue;
                }

                if (data is null)
                {
                    return Ternary.Yes;
                }

                found = true;
                if (data.Positions.Count == 0 || data.Positions[^1] < words[i].Pos)
                {
                    data.Positions.Add(words[i].Pos);
                }
            }

            return found ? Ternary.Yes : Ternary.No;
        }

        private void MarkFragment(int start, int end)
        {
            for (var i = start; i <= end && i < words.Count; i++)
            {
                var w = words[i];
                if (w.Item is not null)
                {
                    w.Selected = true;
                }

                if (!options.HighlightAll)
                {
                    if (w.Type == TokenType.Tag)
                    {
                        w.Replace = true;
                    }
                    else if (w.Type is TokenType.Url or TokenType.NumHWord or TokenType.AsciiHWord or TokenType.HWord)
                    {
                        w.Skip = true;
                    }
                }
                else if (w.Type is TokenType.Url or TokenType.NumHWord or TokenType.AsciiHWord or TokenType.HWord)
                {
                    w.Skip = true;
                }

                w.In = !w.Repeated;
            }
        }

        /// <summary>mark_hl_words: one headline around the best cover (MaxFragments = 0).</summary>
        public void MarkWords()
        {
            int bestb = -1, beste = -1, bestlen = -1;
            var bestcover = false;
            int maxWords = options.MaxWords, minWords = options.MinWords;
            if (!options.HighlightAll)
            {
                var p = 0;
                while (Cover(ref p, out var q))
                {
                    var curlen = 0;
                    var poslen = 0;
                    int posb = p, pose = p;
                    int i;
                    for (i = p; i <= q && curlen < maxWords; i++)
                    {
                        if (!NonWord(words[i].Type))
                        {
                            curlen++;
                        }

                        if (Interesting(i))
                        {
                            poslen++;
                        }

                        pose = i;
                    }

                    if (curlen < maxWords)
                    {
                        for (i--; i < words.Count && curlen < maxWords; i++)
                        {
                            if (i > q)
                            {
                                if (!NonWord(words[i].Type))
                                {
                                    curlen++;
                                }

                                if (Interesting(i))
                                {
                                    poslen++;
                                }
                            }

                            pose = i;
                            if (BadEndpoint(i))
                            {
                                continue;
                            }

                            if (curlen >= minWords)
                            {
                                break;
                            }
                        }

                        if (curlen < minWords)
                        {
                            for (i = p - 1; i >= 0; i--)
                            {
                                if (!NonWord(words[i].Type))
                                {
                                    curlen++;
                                }

                                if (Interesting(i))
                                {
                                    poslen++;
                                }

                                if (curlen >= maxWords)
                                {
                                    break;
                                }

                                if (BadEndpoint(i))
                                {
                                    continue;
                                }

                                if (curlen >= minWords)
                                {
                                    break;
                                }
                            }

                            posb = i >= 0 ? i : 0;
                        }
                    }
                    else
                    {
                        if (i > q)
                        {
                            i = q;
                        }

                        for (; curlen > minWords; i--)
                        {
                            if (!BadEndpoint(i))
                            {
                                break;
                            }

                            if (!NonWord(words[i].Type))
                            {
                                curlen--;
                            }

                            if (Interesting(i))
                            {
                                poslen--;
                            }

                            pose = i - 1;
                        }
                    }

                    var poscover = posb <= p && pose >= q;
                    if ((poscover && !bestcover) ||
                        (poscover == bestcover && poslen > bestlen) ||
                        (poscover == bestcover && poslen == bestlen && !BadEndpoint(pose) && (beste < 0 || BadEndpoint(beste))))
                    {
                        bestb = posb;
                        beste = pose;
                        bestlen = poslen;
                        bestcover = poscover;
                    }

                    p++;
                }

                if (bestlen < 0)
                {
                    var curlen = 0;
                    var pose = 0;
                    for (var i = 0; i < words.Count && curlen < minWords; i++)
                    {
                        if (!NonWord(words[i].Type))
                        {
                            curlen++;
                        }

                        pose = i;
                    }

                    bestb = 0;
                    beste = pose;
                }
            }
            else
            {
                bestb = 0;
                beste = words.Count - 1;
            }

            MarkFragment(bestb, beste);
        }
    }
}
