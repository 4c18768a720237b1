namespace ReefDB.FullText.Parsing;

/// <summary>
/// PostgreSQL's default text-search parser ("default", wparser_def.c): a table-driven state machine
/// with a stack of saved positions for backtracking. It splits text into typed tokens covering the whole
/// input (blanks included), which configurations map to dictionaries.
/// </summary>
/// <remarks>
/// The port keeps PostgreSQL's control flow exactly (TParserGet), including the sub-parsers that look
/// ahead for a host name (e-mail) or a URL path, because token boundaries depend on it.
/// </remarks>
internal sealed class DefaultParser
{
    private readonly int[] text;
    private readonly int start;
    private readonly int length;
    private Position state;
    private bool ignore;
    private bool wantHost;
    private char currentC;
    private int tokenStart;

    /// <summary>
    /// Frames popped, merged or cleared off the backtracking stack, for the next push to reuse: PostgreSQL
    /// allocates a frame per push, and so did this port, one or more per token.
    /// </summary>
    private Position? free;

    /// <summary>
    /// Whether to take the shortcuts (the ASCII-letter run in InAsciiWord, <see cref="AsciiRuleIndex"/>):
    /// off only in tests, which check that they change nothing.
    /// </summary>
    private readonly bool shortcuts;

    public DefaultParser(string input, bool shortcuts = true)
        : this(CharClass.CodePoints(input), 0, shortcuts)
    {
    }

    private DefaultParser(int[] text, int start, bool shortcuts)
    {
        this.shortcuts = shortcuts;
        this.text = text;
        this.start = start;
        length = text.Length - start;
        state = new Position();
        state.Reset(null);
        state.State = ParserState.Base;
    }

    /// <summary>Type of the last token returned by <see cref="Next"/>.</summary>
    public TokenType Type { get; private set; }

    /// <summary>Length in characters of the last token.</summary>
    public int TokenLength { get; private set; }

    /// <summary>All tokens of <paramref name="input"/>, in order.</summary>
    public static List<Token> Tokenize(string input, bool shortcuts = true)
    {
        var parser = new DefaultParser(input, shortcuts);
        var tokens = new List<Token>();
        while (parser.Next())
        {
            tokens.Add(new Token(parser.Type, parser.TokenText()));
        }

        return tokens;
    }

    /// <summary>The text of the last token returned by <see cref="Next"/> (built on demand: callers skip blanks).</summary>
    public string TokenText() => CharClass.FromCodePoints(text, tokenStart, TokenLength);

    private int CharAt(int pos) => pos < length ? text[start + pos] : 0;

    /// <summary>TParserGet: advances to the next token; false at the end of the input.</summary>
    public bool Next()
    {
        if (state.Pos >= length)
        {
            return false;
        }

        tokenStart = start + state.Pos;
        state.PushedAt = -1;
        var rules = ParserTables.Actions;
        ParserRule rule = default;
        while (state.Pos <= length)
        {
            if (shortcuts && state.State == ParserState.InAsciiWord && state.PushedAt < 0)
            {
                // The table's first two rules for InAsciiWord (not at the end; an ASCII letter: advance, same
                // state) taken in a tight loop: the same transitions as walking the table, letter by letter.
                while (state.Pos < length && CharClass.IsAsciiLetter(text[start + state.Pos]))
                {
                    state.Pos++;
                    state.LenToken++;
                }
            }

            state.CharLen = state.Pos == length ? 0 : 1;
            int index;
            if (state.PushedAt >= 0)
            {
                index = state.PushedAt + 1;
                state.PushedAt = -1;
            }
            else
            {
                index = 0;
            }

            var table = rules[(int)state.State];
            var known = shortcuts && index == 0 && state.CharLen == 1 && text[start + state.Pos] is var ch && ch < 128
                ? AsciiRuleIndex.Lookup(state.State, ignore, ch)
                : -1;
            if (known >= 0)
            {
                index = known;
                rule = table[index];
            }

            while (known < 0)
            {
                rule = table[index];
                if (rule.Test == CharTest.Always)
                {
                    break;
                }

                currentC = rule.C;
                if (Test(rule.Test))
                {
                    break;
                }

                index++;
            }

            RunSpecial(rule.Special);

            if ((rule.Flags & ParserAction.Bingo) != 0)
            {
                TokenLength = state.LenToken;
                state.LenToken = 0;
                Type = rule.Type;
            }

            if ((rule.Flags & ParserAction.Pop) != 0)
            {
                var popped = state;
                state = state.Prev!;
                Release(popped);
            }
            else if ((rule.Flags & ParserAction.Push) != 0)
            {
                state.PushedAt = index;
                state = Push(state);
            }
            else if ((rule.Flags & ParserAction.Clear) != 0)
            {
                var cleared = state.Prev!;
                state.Prev = cleared.Prev;
                Release(cleared);
            }
            else if ((rule.Flags & ParserAction.ClearAll) != 0)
            {
                while (state.Prev is { } cleared)
                {
                    state.Prev = cleared.Prev;
                    Release(cleared);
                }
            }
            else if ((rule.Flags & ParserAction.Merge) != 0)
            {
                var ptr = state;
                state = state.Prev!;
                state.Pos = ptr.Pos;
                state.CharLen = ptr.CharLen;
                state.LenToken = ptr.LenToken;
                Release(ptr);
            }

            if (rule.To != ParserState.Null)
            {
                state.State = rule.To;
            }

            if ((rule.Flags & ParserAction.Bingo) != 0 ||
                (state.Pos >= length && (rule.Flags & ParserAction.Rerun) == 0))
            {
                break;
            }

            if ((rule.Flags & (ParserAction.Rerun | ParserAction.Pop)) != 0)
            {
                continue;
            }

            if (state.CharLen != 0)
            {
                state.Pos++;
                state.LenToken++;
            }
        }

        return (rule.Flags & ParserAction.Bingo) != 0;
    }

    /// <summary>A new top frame copying <paramref name="prev"/> (a reused one when a frame was released).</summary>
    private Position Push(Position prev)
    {
        var frame = free ?? new Position();
        free = frame == free ? frame.Prev : free;
        frame.Reset(prev);
        return frame;
    }

    /// <summary>Keeps a frame no longer on the stack for reuse. Only the stack links frames, so none refers to it.</summary>
    private void Release(Position frame)
    {
        frame.Prev = free;
        free = frame;
    }

    private bool Test(CharTest test)
    {
        var c = CharAt(state.Pos);
        return test switch
        {
            CharTest.Eof => state.Pos == length || state.CharLen == 0,
            CharTest.EqC => state.CharLen == 1 && c == currentC,
            CharTest.Ignore => ignore,
            CharTest.AscLet => c < 128 && CharClass.IsAsciiLetter(c),
            CharTest.StopHost => StopHost(),
            CharTest.Host => LookAheadHost(),
            CharTest.UrlPathAhead => LookAheadUrlPath(),
            CharTest.UrlChar => IsUrlChar(c, state.CharLen),
            _ => CharClass.ClassTest(test, c) ?? true,
        };
    }

    private bool StopHost()
    {
        if (wantHost)
        {
            wantHost = false;
            return true;
        }

        return false;
    }

    /// <summary>p_isurlchar: printable ASCII except the characters RFC 3986 forbids.</summary>
    internal static bool IsUrlChar(int c, int charLen)
    {
        if (charLen != 1 || c <= 0x20 || c >= 0x7F)
        {
            return false;
        }

        return c is not ('"' or '<' or '>' or '\\' or '^' or '`' or '{' or '|' or '}');
    }

    /// <summary>p_ishost: does a host name start here? If so, consume it.</summary>
    private bool LookAheadHost()
    {
        var sub = new DefaultParser(text, start + state.Pos, shortcuts) { wantHost = true };
        if (sub.Next() && sub.Type == TokenType.Host)
        {
            Absorb(sub);
            return true;
        }

        return false;
    }

    /// <summary>p_isURLPath: does a URL path start here? If so, consume it.</summary>
    private bool LookAheadUrlPath()
    {
        var sub = new DefaultParser(text, start + state.Pos, shortcuts);
        sub.state = sub.Push(sub.state);
        sub.state.State = ParserState.InURLPathFirst;
        if (sub.Next() && sub.Type == TokenType.UrlPath)
        {
            Absorb(sub);
            return true;
        }

        return false;
    }

    private void Absorb(DefaultParser sub)
    {
        state.Pos += sub.TokenLength;
        state.LenToken += sub.TokenLength;
        state.CharLen = sub.state.CharLen;
    }

    private void RunSpecial(SpecialAction special)
    {
        switch (special)
        {
            case SpecialAction.Tags:
                SpecialTags();
                break;
            case SpecialAction.FUrl:
                wantHost = true;
                state.Pos -= state.LenToken;
                break;
            case SpecialAction.Hyphen:
                state.Pos -= state.LenToken;
                break;
            case SpecialAction.VerVersion:
                state.Pos -= state.LenToken;
                state.LenToken = 0;
                break;
        }
    }

    /// <summary>Text inside &lt;script&gt; and &lt;style&gt; elements is skipped as blank.</summary>
    private void SpecialTags()
    {
        var len = state.LenToken;
        bool StartsWith(string s) =>
            len >= s.Length && Enumerable.Range(0, s.Length)
                .All(i => char.ToLowerInvariant((char)text[tokenStart + i]) == s[i]);
        switch (len)
        {
            case 8:
                if (StartsWith("</script"))
                {
                    ignore = false;
                }

                break;
            case 7:
                if (StartsWith("</style"))
                {
                    ignore = false;
                }
                else if (StartsWith("<script"))
                {
                    ignore = true;
                }

                break;
            case 6:
                if (StartsWith("<style"))
                {
                    ignore = true;
                }

                break;
        }
    }

    /// <summary>A saved parser position (TParserPosition); Prev links the backtracking stack.</summary>
    private sealed class Position
    {
        /// <summary>Makes this frame a copy of <paramref name="prev"/> stacked on it (or a fresh bottom frame).</summary>
        public void Reset(Position? prev)
        {
            Pos = prev?.Pos ?? 0;
            CharLen = prev?.CharLen ?? 0;
            LenToken = prev?.LenToken ?? 0;
            State = prev?.State ?? default;
            Prev = prev;
            PushedAt = -1;
        }

        public int Pos { get; set; }

        public int CharLen { get; set; }

        public int LenToken { get; set; }

        public ParserState State { get; set; }

        public Position? Prev { get; set; }

        public int PushedAt { get; set; }
    }
}
