namespace ReefDB.FullText.Querying;

internal sealed partial class QueryParser
{
    private Tok NextToken(out QueryOp op, out string value, out byte weight, out bool prefix, out int distance)
    {
        op = QueryOp.Or;
        value = "";
        weight = 0;
        prefix = false;
        distance = 0;
        return mode switch
        {
            QueryMode.Plain => NextPlain(out value),
            QueryMode.Web => NextWeb(out op, out value),
            _ => NextStandard(out op, out value, out weight, out prefix, out distance),
        };
    }

    /// <summary>gettoken_query_plain: the whole text is one operand.</summary>
    private Tok NextPlain(out string value)
    {
        value = "";
        if (AtEnd)
        {
            return Tok.End;
        }

        value = buffer[pos..];
        pos = buffer.Length;
        return Tok.Value;
    }

    /// <summary>gettoken_query_standard: tsquery syntax.</summary>
    private Tok NextStandard(out QueryOp op, out string value, out byte weight, out bool prefix, out int distance)
    {
        op = QueryOp.Or;
        value = "";
        weight = 0;
        prefix = false;
        distance = 0;
        while (true)
        {
            if (wait != WaitState.Operator)
            {
                if (Cur == '!' && !AtEnd)
                {
                    pos++;
                    wait = WaitState.Operand;
                    op = QueryOp.Not;
                    return Tok.Operator;
                }

                if (Cur == '(' && !AtEnd)
                {
                    pos++;
                    wait = WaitState.Operand;
                    return Tok.Open;
                }

                if (Cur == ':' && !AtEnd)
                {
                    return Tok.Error;
                }

                if (!CurIsSpace)
                {
                    values.Reset(pos);
                    if (values.Next(out value, null))
                    {
                        pos = values.Position;
                        (weight, prefix) = ReadModifiers();
                        wait = WaitState.Operator;
                        return Tok.Value;
                    }

                    if (wait == WaitState.FirstOperand)
                    {
                        return Tok.End;
                    }

                    throw new FullTextException(SqlStates.SyntaxError, $"no operand in tsquery: \"{buffer}\"");
                }
            }
            else
            {
                if (Cur == '&' && !AtEnd)
                {
                    pos++;
                    wait = WaitState.Operand;
                    op = QueryOp.And;
                    return Tok.Operator;
                }

                if (Cur == '|' && !AtEnd)
                {
                    pos++;
                    wait = WaitState.Operand;
                    op = QueryOp.Or;
                    return Tok.Operator;
                }

                if (TryPhraseOperator(out distance))
                {
                    wait = WaitState.Operand;
                    op = QueryOp.Phrase;
                    return Tok.Operator;
                }

                if (Cur == ')' && !AtEnd)
                {
                    pos++;
                    wait = WaitState.Operator;
                    return Tok.Close;
                }

                if (AtEnd)
                {
                    return Tok.End;
                }

                if (!CurIsSpace)
                {
                    return Tok.Error;
                }
            }

            Advance();
        }
    }

    /// <summary>get_modifiers: <c>:</c> followed by weight letters and/or <c>*</c>.</summary>
    private (byte Weight, bool Prefix) ReadModifiers()
    {
        byte weight = 0;
        var prefix = false;
        if (Cur != ':' || AtEnd)
        {
            return (0, false);
        }

        pos++;
        while (!AtEnd)
        {
            switch (buffer[pos])
            {
                case 'a' or 'A':
                    weight |= 8;
                    break;
                case 'b' or 'B':
                    weight |= 4;
                    break;
                case 'c' or 'C':
                    weight |= 2;
                    break;
                case 'd' or 'D':
                    weight |= 1;
                    break;
                case '*':
                    prefix = true;
                    break;
                default:
                    return (weight, prefix);
            }

            pos++;
        }

        return (weight, prefix);
    }

    /// <summary>parse_phrase_operator: <c>&lt;-&gt;</c> or <c>&lt;N&gt;</c>.</summary>
    private bool TryPhraseOperator(out int distance)
    {
        distance = 1;
        var p = pos;
        if (p >= buffer.Length || buffer[p] != '<')
        {
            return false;
        }

        p++;
        if (p >= buffer.Length)
        {
            return false;
        }

        if (buffer[p] == '-')
        {
            p++;
        }
        else
        {
            if (!char.IsAsciiDigit(buffer[p]))
            {
                return false;
            }

            var startDigits = p;
            while (p < buffer.Length && char.IsAsciiDigit(buffer[p]))
            {
                p++;
            }

            var digits = buffer[startDigits..p].TrimStart('0');
            if (digits.Length > 6 || (digits.Length > 0 && int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) > TsQuery.MaxPhraseDistance))
            {
                throw new FullTextException(
                    SqlStates.InvalidParameterValue,
                    $"distance in phrase operator must be an integer value between zero and {TsQuery.MaxPhraseDistance} inclusive");
            }

            distance = digits.Length == 0 ? 0 : int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
        }

        // PostgreSQL only accepts the operator when something follows the closing '>'.
        if (p >= buffer.Length || buffer[p] != '>' || p + 1 >= buffer.Length)
        {
            return false;
        }

        pos = p + 1;
        return true;
    }

    /// <summary>gettoken_query_websearch: words, "quoted phrases", -negation, OR, implicit AND.</summary>
    private Tok NextWeb(out QueryOp op, out string value)
    {
        op = QueryOp.Or;
        value = "";
        while (true)
        {
            if (wait != WaitState.Operator)
            {
                if (Cur == '-' && !AtEnd)
                {
                    pos++;
                    wait = WaitState.Operand;
                    op = QueryOp.Not;
                    return Tok.Operator;
                }

                if (Cur == '"' && !AtEnd)
                {
                    pos++;
                    var startQuote = pos;
                    while (!AtEnd && buffer[pos] != '"')
                    {
                        pos++;
                    }

                    value = buffer[startQuote..pos];
                    if (!AtEnd)
                    {
                        pos++;
                    }

                    wait = WaitState.Operator;
                    return Tok.Value;
                }

                if (!AtEnd && Parsing.ValueTokenizer.IsOperator(Cur))
                {
                    pos++;
                    wait = WaitState.Operand;
                    continue;
                }

                if (!CurIsSpace)
                {
                    values.Reset(pos);
                    if (values.Next(out value, null))
                    {
                        pos = values.Position;
                        wait = WaitState.Operator;
                        return Tok.Value;
                    }

                    if (wait == WaitState.FirstOperand)
                    {
                        return Tok.End;
                    }

                    PushStop();
                    return Tok.End;
                }
            }
            else
            {
                if (Cur == '"' && !AtEnd)
                {
                    wait = WaitState.Operand;
                    op = QueryOp.And;
                    return Tok.Operator;
                }

                if (IsOrOperator())
                {
                    wait = WaitState.Operand;
                    op = QueryOp.Or;
                    return Tok.Operator;
                }

                if (AtEnd)
                {
                    return Tok.End;
                }

                // Operator characters between operands are noise in web search, like spaces.
                if (!CurIsSpace && !Parsing.ValueTokenizer.IsOperator(Cur))
                {
                    wait = WaitState.Operand;
                    op = QueryOp.And;
                    return Tok.Operator;
                }
            }

            Advance();
        }
    }

    /// <summary>parse_or_operator: a standalone "or" followed, after spaces, by something.</summary>
    private bool IsOrOperator()
    {
        if (pos + 2 > buffer.Length || !buffer.AsSpan(pos, 2).Equals("or", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var p = pos + 2;
        if (p >= buffer.Length)
        {
            return false;
        }

        var c = Parsing.CharClass.CodePointAt(buffer, p);
        if (c is '-' or '_' || Parsing.CharClass.IsAlnum(c))
        {
            return false;
        }

        while (true)
        {
            p += char.IsHighSurrogate(buffer[p]) && p + 1 < buffer.Length ? 2 : 1;
            if (p >= buffer.Length)
            {
                return false;
            }

            if (!Parsing.CharClass.IsSpace(Parsing.CharClass.CodePointAt(buffer, p)))
            {
                break;
            }
        }

        pos += 2;
        return true;
    }
}
