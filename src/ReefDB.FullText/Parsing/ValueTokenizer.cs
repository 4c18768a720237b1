using System.Text;

namespace ReefDB.FullText.Parsing;

/// <summary>
/// PostgreSQL's gettoken_tsvector: reads one (optionally quoted, backslash-escaped) word of tsvector
/// input, with its position list, or one operand of tsquery input.
/// </summary>
/// <remarks>
/// Modes: tsvector input (positions allowed); tsquery input (operator characters end a word and a colon
/// ends it without positions); websearch (quotes and backslashes are ordinary, '"' ends a word).
/// Errors quote the whole input, as PostgreSQL does.
/// </remarks>
internal sealed class ValueTokenizer
{
    private readonly string buffer;
    private readonly bool isTsQuery;
    private readonly bool isWeb;
    private int pos;

    public ValueTokenizer(string buffer, bool isTsQuery, bool isWeb)
    {
        this.buffer = buffer;
        this.isTsQuery = isTsQuery;
        this.isWeb = isWeb;
    }

    public int Position => pos;

    public void Reset(int position) => pos = position;

    /// <summary>tsquery's operator characters, which end an unquoted operand.</summary>
    public static bool IsOperator(char c) => c is '!' or '&' or '|' or '(' or ')' or '<';

    private char Cur => pos < buffer.Length ? buffer[pos] : '\0';

    private bool AtEnd => pos >= buffer.Length;

    private bool CurIsSpace => !AtEnd && CharClass.IsSpace(CharClass.CodePointAt(buffer, pos));

    /// <summary>
    /// Reads the next word. Returns false at the end of input. <paramref name="positions"/> receives the
    /// positions of a tsvector word (null in tsquery mode).
    /// </summary>
    public bool Next(out string word, List<TsPosition>? positions)
    {
        var sb = new StringBuilder();
        var state = State.WaitWord;
        var oldState = State.WaitWord;
        positions?.Clear();
        while (true)
        {
            var c = Cur;
            switch (state)
            {
                case State.WaitWord:
                    if (AtEnd)
                    {
                        word = "";
                        return false;
                    }

                    if (!isWeb && c == '\'')
                    {
                        state = State.WaitEndComplex;
                    }
                    else if (!isWeb && c == '\\')
                    {
                        state = State.WaitNextChar;
                        oldState = State.WaitEndWord;
                    }
                    else if ((isTsQuery && IsOperator(c)) || (isWeb && c == '"'))
                    {
                        throw SyntaxError();
                    }
                    else if (!CurIsSpace)
                    {
                        CopyChar(sb);
                        state = State.WaitEndWord;
                        continue;
                    }

                    break;

                case State.WaitNextChar:
                    if (AtEnd)
                    {
                        throw new FullTextException(SqlStates.SyntaxError, $"there is no escaped character: \"{buffer}\"");
                    }

                    CopyChar(sb);
                    state = oldState;
                    continue;

                case State.WaitEndWord:
                    if (!isWeb && c == '\\')
                    {
                        state = State.WaitNextChar;
                        oldState = State.WaitEndWord;
                    }
                    else if (AtEnd || CurIsSpace || (isTsQuery && IsOperator(c)) || (isWeb && c == '"'))
                    {
                        if (sb.Length == 0)
                        {
                            throw SyntaxError();
                        }

                        word = sb.ToString();
                        return true;
                    }
                    else if (c == ':')
                    {
                        if (sb.Length == 0)
                        {
                            throw SyntaxError();
                        }

                        if (isTsQuery)
                        {
                            word = sb.ToString();
                            return true;
                        }

                        state = State.InPosInfo;
                    }
                    else
                    {
                        CopyChar(sb);
                        continue;
                    }

                    break;

                case State.WaitEndComplex:
                    if (!isWeb && c == '\'')
                    {
                        state = State.WaitCharComplex;
                    }
                    else if (!isWeb && c == '\\')
                    {
                        state = State.WaitNextChar;
                        oldState = State.WaitEndComplex;
                    }
                    else if (AtEnd)
                    {
                        throw SyntaxError();
                    }
                    else
                    {
                        CopyChar(sb);
                        continue;
                    }

                    break;

                case State.WaitCharComplex:
                    if (!isWeb && c == '\'')
                    {
                        CopyChar(sb);
                        state = State.WaitEndComplex;
                        continue;
                    }

                    if (sb.Length == 0)
                    {
                        throw SyntaxError();
                    }

                    if (isTsQuery)
                    {
                        word = sb.ToString();
                        return true;
                    }

                    state = State.WaitPosInfo;
                    continue;

                case State.WaitPosInfo:
                    if (c == ':' && !AtEnd)
                    {
                        state = State.InPosInfo;
                        break;
                    }

                    word = sb.ToString();
                    return true;

                case State.InPosInfo:
                    if (CharClass.IsDigit(c))
                    {
                        var start = pos;
                        while (CharClass.IsDigit(Cur))
                        {
                            pos++;
                        }

                        var value = ParsePosition(buffer.AsSpan(start, pos - start));
                        if (value == 0)
                        {
                            throw new FullTextException(SqlStates.SyntaxError, $"wrong position info in tsvector: \"{buffer}\"");
                        }

                        positions?.Add(new TsPosition((ushort)TsPosition.Limit(value)));
                        state = State.WaitPosDelim;
                        continue;
                    }

                    throw SyntaxError();

                case State.WaitPosDelim:
                    if (c == ',' && !AtEnd)
                    {
                        state = State.InPosInfo;
                    }
                    else if (c is 'a' or 'A' or '*' or 'b' or 'B' or 'c' or 'C' or 'd' or 'D')
                    {
                        var last = positions![^1];
                        if (last.WeightCode != 0)
                        {
                            throw SyntaxError();
                        }

                        var code = c is '*' ? 3 : TsPosition.CodeOf(c);
                        positions[^1] = last.WithWeight(code);
                    }
                    else if (AtEnd || CurIsSpace)
                    {
                        word = sb.ToString();
                        return true;
                    }
                    else if (!CharClass.IsDigit(c))
                    {
                        throw SyntaxError();
                    }

                    break;
            }

            pos++;
        }
    }

    private static int ParsePosition(ReadOnlySpan<char> digits)
    {
        // atoi on an absurdly long digit run overflows in C; clamping keeps the LIMITPOS outcome.
        long value = 0;
        foreach (var d in digits)
        {
            value = Math.Min((value * 10) + (d - '0'), int.MaxValue);
        }

        return (int)value;
    }

    private void CopyChar(StringBuilder sb)
    {
        sb.Append(buffer[pos]);
        if (char.IsHighSurrogate(buffer[pos]) && pos + 1 < buffer.Length)
        {
            pos++;
            sb.Append(buffer[pos]);
        }

        pos++;
    }

    private FullTextException SyntaxError() => new(
        SqlStates.SyntaxError,
        isTsQuery ? $"syntax error in tsquery: \"{buffer}\"" : $"syntax error in tsvector: \"{buffer}\"");

    private enum State
    {
        WaitWord,
        WaitEndWord,
        WaitNextChar,
        WaitEndComplex,
        WaitCharComplex,
        WaitPosInfo,
        InPosInfo,
        WaitPosDelim,
    }
}
