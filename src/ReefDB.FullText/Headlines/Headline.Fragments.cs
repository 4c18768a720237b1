namespace ReefDB.FullText.Headlines;

internal static partial class Headline
{
    /// <summary>mark_hl_fragments (MaxFragments &gt; 0): several fragments around the richest covers.</summary>
    private sealed partial class Selector
    {
        private sealed class CoverPos
        {
            public int Start { get; set; }

            public int End { get; set; }

            public int PosLen { get; set; }

            public int CurLen { get; set; }

            public bool Chosen { get; set; }

            public bool Excluded { get; set; }
        }

        /// <summary>get_next_fragment: cut a cover into pieces of at most MaxWords, each ending on a query word.</summary>
        private void NextFragment(ref int startpos, ref int endpos, out int curlen, out int poslen)
        {
            int i;
            for (i = startpos; i <= endpos; i++)
            {
                startpos = i;
                if (Interesting(i))
                {
                    break;
                }
            }

            curlen = 0;
            poslen = 0;
            for (i = startpos; i <= endpos && curlen < options.MaxWords; i++)
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

            if (endpos > i)
            {
                endpos = i;
                for (i = endpos; i >= startpos; i--)
                {
                    endpos = i;
                    if (Interesting(i))
                    {
                        break;
                    }

                    if (!NonWord(words[i].Type))
                    {
                        curlen--;
                    }
                }
            }
        }

        public void MarkFragments()
        {
            var covers = new List<CoverPos>();
            var p = 0;
            while (Cover(ref p, out var q))
            {
                var startpos = p;
                var endpos = q;
                while (startpos <= endpos)
                {
                    NextFragment(ref startpos, ref endpos, out var curlen, out var poslen);
                    covers.Add(new CoverPos { Start = startpos, End = endpos, CurLen = curlen, PosLen = poslen });
                    startpos = endpos + 1;
                    endpos = q;
                }

                p++;
            }

            var chosenCount = 0;
            var maxWords = options.MaxWords;
            for (var f = 0; f < options.MaxFragments; f++)
            {
                var maxitems = 0;
                var minwords = int.MaxValue;
                var minI = -1;
                for (var i = 0; i < covers.Count; i++)
                {
                    var c = covers[i];
                    if (!c.Chosen && !c.Excluded && (maxitems < c.PosLen || (maxitems == c.PosLen && minwords > c.CurLen)))
                    {
                        maxitems = c.PosLen;
                        minwords = c.CurLen;
                        minI = i;
                    }
                }

                if (minI < 0)
                {
                    break;
                }

                var chosen = covers[minI];
                chosen.Chosen = true;
                var startpos = chosen.Start;
                var endpos = chosen.End;
                var curlen = chosen.CurLen;
                if (curlen < maxWords)
                {
                    var maxstretch = (maxWords - curlen) / 2;
                    var stretch = 0;
                    var posmarker = startpos;
                    int i;
                    for (i = startpos - 1; i >= 0 && stretch < maxstretch && !words[i].In; i--)
                    {
                        if (!NonWord(words[i].Type))
                        {
                            curlen++;
                            stretch++;
                        }

                        posmarker = i;
                    }

                    for (i = posmarker; i < startpos && BadEndpoint(i); i++)
                    {
                        if (!NonWord(words[i].Type))
                        {
                            curlen--;
                        }
                    }

                    startpos = i;
                    posmarker = endpos;
                    for (i = endpos + 1; i < words.Count && curlen < maxWords && !words[i].In; i++)
                    {
                        if (!NonWord(words[i].Type))
                        {
                            curlen++;
                        }

                        posmarker = i;
                    }

                    for (i = posmarker; i > endpos && BadEndpoint(i); i--)
                    {
                        if (!NonWord(words[i].Type))
                        {
                            curlen--;
                        }
                    }

                    endpos = i;
                }

                chosen.Start = startpos;
                chosen.End = endpos;
                chosen.CurLen = curlen;
                MarkFragment(startpos, endpos);
                chosenCount++;
                for (var i = 0; i < covers.Count; i++)
                {
                    var c = covers[i];
                    if (i != minI &&
                        ((c.Start >= startpos && c.Start <= endpos) ||
                         (c.End >= startpos && c.End <= endpos) ||
                         (c.Start < startpos && c.End > endpos)))
                    {
                        c.Excluded = true;
                    }
                }
            }

            if (chosenCount == 0)
            {
                var curlen = 0;
                var endpos = 0;
                for (var i = 0; i < words.Count && curlen < options.MinWords; i++)
                {
                    if (!NonWord(words[i].Type))
                    {
                        curlen++;
                    }

                    endpos = i;
                }

                MarkFragment(0, endpos);
            }
        }
    }
}
