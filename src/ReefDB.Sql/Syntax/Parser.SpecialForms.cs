namespace ReefDB.Sql.Syntax;

/// <summary>
/// SQL-standard call syntaxes with keywords inside the parentheses, desugared into ordinary calls the
/// way PostgreSQL does (the contracts are on <see cref="FunctionCall"/>).
/// </summary>
internal sealed partial class Parser
{
    private FunctionCall ParseExtract()
    {
        var start = Advance();
        Expect(TokenKind.LeftParen);
        var fieldToken = Current;
        string field = fieldToken.Kind is TokenKind.Identifier or TokenKind.QuotedIdentifier or TokenKind.String
            ? Advance().Text
            : throw SyntaxError();
        ExpectKeyword("from");
        var source = ParseExpression();
        Expect(TokenKind.RightParen);
        var fieldLiteral = new StringLiteral(field.ToLowerInvariant()) { Position = PositionOf(fieldToken) };
        return Call("extract", start, fieldLiteral, source);
    }

    private FunctionCall ParseSubstring()
    {
        var start = Advance();
        Expect(TokenKind.LeftParen);
        var text = ParseExpression();
        List<Expression> arguments = [text];
        if (Accept(TokenKind.Comma))
        {
            arguments.AddRange(ParseExpressionList());
        }
        else if (AcceptKeyword("from"))
        {
            arguments.Add(ParseExpression());
            if (AcceptKeyword("for"))
            {
                arguments.Add(ParseExpression());
            }
        }
        else if (AcceptKeyword("for"))
        {
            var count = ParseExpression();
            if (AcceptKeyword("from"))
            {
                arguments.Add(ParseExpression());
            }
            else
            {
                arguments.Add(new IntegerLiteral(1) { Position = count.Position });
            }

            arguments.Add(count);
        }

        Expect(TokenKind.RightParen);
        return Call("substring", start, [.. arguments]);
    }

    private FunctionCall ParsePosition()
    {
        var start = Advance();
        Expect(TokenKind.LeftParen);

        // Operands bind tighter than IN, as PostgreSQL's b_expr.
        var needle = ParseExpression(PatternLevel + 1);
        ExpectKeyword("in");
        var haystack = ParseExpression(PatternLevel + 1);
        Expect(TokenKind.RightParen);
        return Call("strpos", start, haystack, needle);
    }

    private FunctionCall ParseTrim()
    {
        var start = Advance();
        Expect(TokenKind.LeftParen);
        var name = "btrim";
        if (AcceptKeyword("leading"))
        {
            name = "ltrim";
        }
        else if (AcceptKeyword("trailing"))
        {
            name = "rtrim";
        }
        else
        {
            AcceptKeyword("both");
        }

        List<Expression> arguments;
        if (AcceptKeyword("from"))
        {
            arguments = ParseExpressionList();
        }
        else
        {
            var first = ParseExpression();
            if (AcceptKeyword("from"))
            {
                // TRIM(chars FROM s): the string comes first in the call.
                arguments = ParseExpressionList();
                arguments.Add(first);
            }
            else
            {
                arguments = [first];
                if (Accept(TokenKind.Comma))
                {
                    arguments.AddRange(ParseExpressionList());
                }
            }
        }

        Expect(TokenKind.RightParen);
        return Call(name, start, [.. arguments]);
    }

    private FunctionCall Call(string name, Token start, params Expression[] arguments) =>
        new(null, name, arguments, false, false, [], null) { Position = PositionOf(start) };
}
