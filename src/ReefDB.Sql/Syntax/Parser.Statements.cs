using System.Globalization;

namespace ReefDB.Sql.Syntax;

/// <summary>Statement dispatch, transactions and utility statements.</summary>
internal sealed partial class Parser
{
    private Statement ParseStatement()
    {
        var start = Current;
        if (Is(TokenKind.LeftParen))
        {
            return new SelectStatement(ParseQuery()) { Position = PositionOf(start) };
        }

        if (!Is(TokenKind.Identifier))
        {
            throw SyntaxError();
        }

        Statement statement = Current.Text switch
        {
            "select" or "values" or "table" => new SelectStatement(ParseQuery()),
            "with" => ParseWithStatement(),
            "insert" => ParseInsert(null),
            "update" => ParseUpdate(null),
            "delete" => ParseDelete(null),
            "create" => ParseCreate(),
            "drop" => ParseDrop(),
            "alter" => ParseAlterTable(),
            "begin" or "start" => ParseBegin(),
            "commit" or "end" => ParseCommit(),
            "rollback" or "abort" => ParseRollback(),
            "savepoint" => ParseSavepoint(),
            "release" => ParseRelease(),
            "explain" => ParseExplain(),
            "set" => ParseSet(),
            "reset" => ParseReset(),
            "show" => ParseShow(),
            _ => throw SyntaxError(),
        };
        return statement with { Position = PositionOf(start) };
    }

    /// <summary>WITH … followed by SELECT, INSERT, UPDATE or DELETE.</summary>
    private Statement ParseWithStatement()
    {
        var start = Current;
        var with = ParseWith();
        if (IsKeyword("insert"))
        {
            return ParseInsert(with);
        }

        if (IsKeyword("update"))
        {
            return ParseUpdate(with);
        }

        if (IsKeyword("delete"))
        {
            return ParseDelete(with);
        }

        return new SelectStatement(ParseQueryAfterWith(with, start));
    }

    private Statement ParseBegin()
    {
        if (Advance().IsKeyword("start"))
        {
            ExpectKeyword("transaction");
        }
        else if (!AcceptKeyword("work"))
        {
            AcceptKeyword("transaction");
        }

        SkipTransactionModes();
        return new BeginStatement();
    }

    /// <summary>
    /// ISOLATION LEVEL …, READ WRITE|ONLY, [NOT] DEFERRABLE: accepted and ignored, since ReefDB runs
    /// every transaction serially against one version (READ ONLY is not enforced).
    /// </summary>
    private void SkipTransactionModes()
    {
        do
        {
            if (AcceptKeywords("isolation", "level"))
            {
                if (!AcceptKeyword("serializable") && !AcceptKeywords("repeatable", "read")
                    && !AcceptKeywords("read", "committed") && !AcceptKeywords("read", "uncommitted"))
                {
                    throw SyntaxError();
                }
            }
            else if (AcceptKeyword("read"))
            {
                if (!AcceptKeyword("write"))
                {
                    ExpectKeyword("only");
                }
            }
            else if (!AcceptKeyword("deferrable") && !AcceptKeywords("not", "deferrable"))
            {
                return;
            }
        }
        while (Accept(TokenKind.Comma) || IsWord(Current));
    }

    private Statement ParseCommit()
    {
        Advance();
        if (!AcceptKeyword("work"))
        {
            AcceptKeyword("transaction");
        }

        return new CommitStatement();
    }

    private Statement ParseRollback()
    {
        Advance();
        if (!AcceptKeyword("work"))
        {
            AcceptKeyword("transaction");
        }

        if (AcceptKeyword("to"))
        {
            AcceptKeyword("savepoint");
            return new RollbackToSavepointStatement(ParseColId());
        }

        return new RollbackStatement();
    }

    private Statement ParseSavepoint()
    {
        Advance();
        return new SavepointStatement(ParseColId());
    }

    private Statement ParseRelease()
    {
        Advance();
        AcceptKeyword("savepoint");
        return new ReleaseSavepointStatement(ParseColId());
    }

    private Statement ParseExplain()
    {
        Advance();
        bool analyze = false, verbose = false;
        if (Accept(TokenKind.LeftParen))
        {
            do
            {
                var option = ParseColLabel();
                var enabled = true;
                if (!Is(TokenKind.Comma) && !Is(TokenKind.RightParen))
                {
                    var value = Advance();
                    enabled = value.Text is not ("false" or "off" or "0");
                }

                analyze |= option is "analyze" or "analyse" && enabled;
                verbose |= option == "verbose" && enabled;
            }
            while (Accept(TokenKind.Comma));

            Expect(TokenKind.RightParen);
        }
        else
        {
            analyze = AcceptKeyword("analyze") || AcceptKeyword("analyse");
            verbose = AcceptKeyword("verbose");
        }

        var inner = ParseStatement();
        return new ExplainStatement(inner, analyze, verbose);
    }

    private Statement ParseSet()
    {
        Advance();
        var local = AcceptKeyword("local");
        if (!local)
        {
            AcceptKeyword("session");
        }

        string name;
        if (AcceptKeywords("time", "zone"))
        {
            name = "timezone";
            if (AcceptKeyword("local") || AcceptKeyword("default"))
            {
                return new SetStatement(name, [], local);
            }
        }
        else
        {
            name = ParseSettingName();
            if (!AcceptKeyword("to"))
            {
                ExpectOperator("=");
            }

            if (AcceptKeyword("default"))
            {
                return new SetStatement(name, [], local);
            }
        }

        var values = new List<Literal> { ParseSettingValue() };
        while (Accept(TokenKind.Comma))
        {
            values.Add(ParseSettingValue());
        }

        return new SetStatement(name, values, local);
    }

    private string ParseSettingName()
    {
        var name = ParseColId();
        while (Accept(TokenKind.Dot))
        {
            name += "." + ParseColLabel();
        }

        return name;
    }

    private Literal ParseSettingValue()
    {
        var start = Current;
        var negative = false;
        if (IsOperator("-") || IsOperator("+"))
        {
            negative = Advance().Text == "-";
        }

        var token = Current;
        Literal value = token.Kind switch
        {
            TokenKind.Integer or TokenKind.Numeric => NumberLiteral((negative ? "-" : "") + token.Text),
            TokenKind.String when !negative => new StringLiteral(token.Text),
            TokenKind.Identifier or TokenKind.QuotedIdentifier when !negative => new StringLiteral(token.Text),
            _ => throw SyntaxError(),
        };
        Advance();
        return value with { Position = PositionOf(start) };
    }

    private Statement ParseReset()
    {
        Advance();
        var name = AcceptKeyword("all") ? "all" : AcceptKeywords("time", "zone") ? "timezone" : ParseSettingName();
        return new SetStatement(name, [], false);
    }

    private Statement ParseShow()
    {
        Advance();
        if (AcceptKeyword("all"))
        {
            return new ShowStatement("all");
        }

        if (AcceptKeywords("time", "zone"))
        {
            return new ShowStatement("timezone");
        }

        if (AcceptKeywords("transaction", "isolation", "level"))
        {
            return new ShowStatement("transaction_isolation");
        }

        return new ShowStatement(ParseSettingName());
    }

    /// <summary>
    /// A numeric constant from its text (optionally signed): an <see cref="IntegerLiteral"/> when it is
    /// an integer that fits in 64 bits, else a <see cref="NumericLiteral"/>, as PostgreSQL types them.
    /// </summary>
    private static Literal NumberLiteral(string text) =>
        text.AsSpan().IndexOfAny(".eE") < 0
        && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? new IntegerLiteral(value)
            : new NumericLiteral(text);
}
