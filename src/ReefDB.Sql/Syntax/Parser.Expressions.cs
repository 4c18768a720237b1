namespace ReefDB.Sql.Syntax;

/// <summary>
/// Operators by precedence climbing, with PostgreSQL's precedence table (manual §4.1.6), loosest
/// first: OR; AND; NOT (prefix); IS, ISNULL, NOTNULL; comparisons (non-associative); BETWEEN, IN,
/// LIKE, ILIKE, SIMILAR (non-associative); all other operators (<c>||</c>, <c>@@</c>, bitwise, regex);
/// <c>+ -</c>; <c>* / %</c>; <c>^</c>; unary <c>+ -</c>; <c>::</c>.
/// </summary>
internal sealed partial class Parser
{
    private const int OrLevel = 1;
    private const int AndLevel = 2;
    private const int NotLevel = 3;
    private const int IsLevel = 4;
    private const int ComparisonLevel = 5;
    private const int PatternLevel = 6;
    private const int OtherOperatorLevel = 7;
    private const int AdditiveLevel = 8;
    private const int MultiplicativeLevel = 9;
    private const int PowerLevel = 10;

    private List<Expression> ParseExpressionList()
    {
        var items = new List<Expression> { ParseExpression() };
        while (Accept(TokenKind.Comma))
        {
            items.Add(ParseExpression());
        }

        return items;
    }

    /// <summary>Parses an expression whose operators all bind at least as tightly as <paramref name="minLevel"/>.</summary>
    private Expression ParseExpression(int minLevel = 0)
    {
        using var scope = Enter();
        var left = ParseUnary();
        var chain = 0;
        var lastNonAssociativeLevel = -1;
        while (true)
        {
            var level = InfixLevel();
            if (level == 0 || level < minLevel)
            {
                return left;
            }

            // Comparisons and pattern operators are non-associative: "a < b < c" is an error, as in PostgreSQL.
            if (level == lastNonAssociativeLevel)
            {
                throw SyntaxError();
            }

            CountChainLink(ref chain);
            left = ParseInfix(left, level, out var nonAssociative);
            lastNonAssociativeLevel = nonAssociative ? level : -1;
        }
    }

    /// <summary>The precedence level of the operator at the current token, or 0 if none starts here.</summary>
    private int InfixLevel()
    {
        var token = Current;
        if (token.Kind == TokenKind.Operator)
        {
            return token.Text switch
            {
                "+" or "-" => AdditiveLevel,
                "*" or "/" or "%" => MultiplicativeLevel,
                "^" => PowerLevel,
                "=" or "<>" or "<" or "<=" or ">" or ">=" => ComparisonLevel,
                _ => OtherBinaryOperator(token.Text) is null ? 0 : OtherOperatorLevel,
            };
        }

        if (token.Kind != TokenKind.Identifier)
        {
            return 0;
        }

        return token.Text switch
        {
            "or" => OrLevel,
            "and" => AndLevel,
            "is" or "isnull" or "notnull" => IsLevel,
            "between" or "in" or "like" or "ilike" or "similar" => PatternLevel,
            "not" when Peek(1).Kind == TokenKind.Identifier
                && Peek(1).Text is "between" or "in" or "like" or "ilike" or "similar" => PatternLevel,
            _ => 0,
        };
    }

    private static BinaryOperator? OtherBinaryOperator(string op) => op switch
    {
        "||" => BinaryOperator.Concat,
        "@@" => BinaryOperator.TextSearchMatch,
        "&" => BinaryOperator.BitwiseAnd,
        "|" => BinaryOperator.BitwiseOr,
        "#" => BinaryOperator.BitwiseXor,
        "<<" => BinaryOperator.ShiftLeft,
        ">>" => BinaryOperator.ShiftRight,
        "~" => BinaryOperator.RegexMatch,
        "~*" => BinaryOperator.RegexMatchInsensitive,
        "!~" => BinaryOperator.RegexNotMatch,
        "!~*" => BinaryOperator.RegexNotMatchInsensitive,
        "&&" => BinaryOperator.TextSearchAnd,
        "<->" => BinaryOperator.TextSearchPhrase,
        "@>" => BinaryOperator.Contains,
        "<@" => BinaryOperator.ContainedBy,
        "@@@" => BinaryOperator.TextSearchMatchDeprecated,
        _ => null,
    };

    private static BinaryOperator ArithmeticOrComparison(string op) => op switch
    {
        "+" => BinaryOperator.Add,
        "-" => BinaryOperator.Subtract,
        "*" => BinaryOperator.Multiply,
        "/" => BinaryOperator.Divide,
        "%" => BinaryOperator.Modulo,
        "^" => BinaryOperator.Power,
        "=" => BinaryOperator.Equal,
        "<>" => BinaryOperator.NotEqual,
        "<" => BinaryOperator.Less,
        "<=" => BinaryOperator.LessOrEqual,
        ">" => BinaryOperator.Greater,
        ">=" => BinaryOperator.GreaterOrEqual,
        _ => OtherBinaryOperator(op) ?? throw new InvalidOperationException("not a binary operator: " + op),
    };

    /// <summary>Parses the operator at the current token (whose level is known) and its right side.</summary>
    private Expression ParseInfix(Expression left, int level, out bool nonAssociative)
    {
        var token = Current;
        var at = left.Position;
        nonAssociative = false;
        switch (level)
        {
            case OrLevel or AndLevel:
                Advance();
                var right = ParseExpression(level + 1);
                return new BinaryExpression(level == OrLevel ? BinaryOperator.Or : BinaryOperator.And, left, right) { Position = at };
            case IsLevel:
                return ParseIsPredicate(left, out nonAssociative);
            case PatternLevel:
                return ParsePatternPredicate(left, out nonAssociative);
            case ComparisonLevel:
                nonAssociative = true;
                Advance();
                var op = ArithmeticOrComparison(token.Text);
                if ((IsKeyword("any") || IsKeyword("some") || IsKeyword("all")) && Peek(1).Kind == TokenKind.LeftParen)
                {
                    return ParseQuantified(left, op);
                }

                return new BinaryExpression(op, left, ParseExpression(level + 1)) { Position = at };
            default:
                Advance();
                return new BinaryExpression(ArithmeticOrComparison(token.Text), left, ParseExpression(level + 1)) { Position = at };
        }
    }

    private Expression ParseQuantified(Expression left, BinaryOperator op)
    {
        var quantifier = Advance().IsKeyword("all") ? Quantifier.All : Quantifier.Any;
        if (LooksLikeQueryInParens(index))
        {
            Advance();
            var query = ParseQuery();
            Expect(TokenKind.RightParen);
            return new QuantifiedComparison(left, op, quantifier, query, null) { Position = left.Position };
        }

        Expect(TokenKind.LeftParen);
        var array = ParseExpression();
        Expect(TokenKind.RightParen);
        return new QuantifiedComparison(left, op, quantifier, null, array) { Position = left.Position };
    }

    private Expression ParseIsPredicate(Expression left, out bool nonAssociative)
    {
        var at = left.Position;
        nonAssociative = false;
        var token = Advance();
        if (token.IsKeyword("isnull") || token.IsKeyword("notnull"))
        {
            return new IsNullExpression(left, token.IsKeyword("notnull")) { Position = at };
        }

        var negated = AcceptKeyword("not");
        if (AcceptKeyword("null"))
        {
            return new IsNullExpression(left, negated) { Position = at };
        }

        if (AcceptKeyword("true") || AcceptKeyword("false") || AcceptKeyword("unknown"))
        {
            var value = tokens[index - 1].Text switch
            {
                "true" => TruthValue.True,
                "false" => TruthValue.False,
                _ => TruthValue.Unknown,
            };
            return new IsTruthExpression(left, value, negated) { Position = at };
        }

        ExpectKeyword("distinct");
        ExpectKeyword("from");
        nonAssociative = true;
        var right = ParseExpression(IsLevel + 1);
        return new IsDistinctFromExpression(left, right, negated) { Position = at };
    }

    private Expression ParsePatternPredicate(Expression left, out bool nonAssociative)
    {
        var at = left.Position;
        nonAssociative = true;
        var negated = AcceptKeyword("not");
        var keyword = Advance();
        switch (keyword.Text)
        {
            case "between":
                var symmetric = AcceptKeyword("symmetric");
                if (!symmetric)
                {
                    AcceptKeyword("asymmetric");
                }

                var low = ParseExpression(PatternLevel + 1);
                ExpectKeyword("and");
                var high = ParseExpression(PatternLevel + 1);
                return new BetweenExpression(left, low, high, negated, symmetric) { Position = at };
            case "in":
                nonAssociative = false;
                if (!Is(TokenKind.LeftParen))
                {
                    throw SyntaxError();
                }

                if (LooksLikeQueryInParens(index))
                {
                    Advance();
                    var query = ParseQuery();
                    Expect(TokenKind.RightParen);
                    return new InSubqueryExpression(left, query, negated) { Position = at };
                }

                Advance();

                // An empty list is SQLite's (PostgreSQL says 42601): x IN () is false, x NOT IN () true.
                List<Expression> items = Is(TokenKind.RightParen) ? [] : ParseExpressionList();
                Expect(TokenKind.RightParen);
                return new InListExpression(left, items, negated) { Position = at };
            default:
                var kind = keyword.Text switch
                {
                    "like" => LikeKind.Like,
                    "ilike" => LikeKind.ILike,
                    _ => LikeKind.SimilarTo,
                };
                if (kind == LikeKind.SimilarTo)
                {
                    ExpectKeyword("to");
                }

                var pattern = ParseExpression(PatternLevel + 1);
                var escape = AcceptKeyword("escape") ? ParseExpression(PatternLevel + 1) : null;
                return new LikeExpression(left, kind, pattern, escape, negated) { Position = at };
        }
    }

    /// <summary>Prefix operators: NOT (looser than comparisons), unary +/- (tighter than ^), and ~.</summary>
    private Expression ParseUnary()
    {
        using var scope = Enter();
        var token = Current;
        var at = PositionOf(token);
        if (token.IsKeyword("not"))
        {
            Advance();
            return new UnaryExpression(UnaryOperator.Not, ParseExpression(NotLevel)) { Position = at };
        }

        if (token.IsOperator("-"))
        {
            Advance();
            return Negate(ParseUnary(), at);
        }

        if (token.IsOperator("+"))
        {
            Advance();
            return new UnaryExpression(UnaryOperator.Plus, ParseUnary()) { Position = at };
        }

        if (token.IsOperator("~"))
        {
            Advance();
            return new UnaryExpression(UnaryOperator.BitwiseNot, ParseExpression(AdditiveLevel)) { Position = at };
        }

        if (token.IsOperator("!!"))
        {
            Advance();
            return new UnaryExpression(UnaryOperator.TextSearchNot, ParseExpression(AdditiveLevel)) { Position = at };
        }

        return ParsePostfix(ParsePrimary());
    }

    /// <summary>
    /// Unary minus; on a numeric constant it folds into the constant, as PostgreSQL does, so that
    /// <c>-9223372036854775808</c> is a bigint literal rather than the negation of a numeric.
    /// </summary>
    private static Expression Negate(Expression operand, Errors.SourcePosition at)
    {
        Literal? folded = operand switch
        {
            IntegerLiteral integer when integer.Value != long.MinValue => new IntegerLiteral(-integer.Value),
            IntegerLiteral => new NumericLiteral("9223372036854775808"),
            NumericLiteral numeric => NumberLiteral(numeric.Text.StartsWith('-') ? numeric.Text[1..] : "-" + numeric.Text),
            _ => null,
        };
        return folded is null
            ? new UnaryExpression(UnaryOperator.Negate, operand) { Position = at }
            : folded with { Position = at };
    }

    /// <summary>Postfix <c>::type</c> casts, which bind tightest of all.</summary>
    private Expression ParsePostfix(Expression operand)
    {
        var chain = 0;
        while (Accept(TokenKind.DoubleColon))
        {
            CountChainLink(ref chain);
            operand = new CastExpression(operand, ParseTypeName()) { Position = operand.Position };
        }

        if (Is(TokenKind.LeftBracket))
        {
            throw ErrorAt(Current, Errors.SqlStates.FeatureNotSupported, "array subscripts are not supported");
        }

        return operand;
    }
}
