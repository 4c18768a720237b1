using System.Runtime.CompilerServices;
using ReefDB.Sql.Errors;

namespace ReefDB.Sql.Syntax;

/// <summary>
/// A hand-written recursive-descent parser with precedence climbing for expressions, following
/// PostgreSQL's grammar (gram.y) for the subset ReefDB supports. Hand-written rather than generated so
/// that errors say what PostgreSQL says and the nesting depth is bounded explicitly.
/// </summary>
/// <remarks>
/// Partial files split it by aspect: statements, DML, DDL, queries, FROM items, expressions, primaries,
/// type names. One instance parses one script and is then discarded.
/// </remarks>
internal sealed partial class Parser
{
    /// <summary>
    /// The deepest nesting a statement may have, in parser recursion levels plus the length of
    /// left-associative operator chains (a parenthesis costs 2, a scalar subquery 4, an operator in a
    /// chain 1). Fixed, not derived from the remaining stack, so that every replica accepts or rejects
    /// the same text (DESIGN.md §2); it also bounds the depth of the tree the engine recurses over.
    /// Measured at about 600 bytes of stack per level: the limit needs ~600 KB, within a 1 MB thread.
    /// </summary>
    internal const int MaxDepth = 1000;

    private readonly SourceMap map;
    private readonly List<Token> tokens;
    private int index;
    private int depth;

    private Parser(SourceMap map, List<Token> tokens)
    {
        this.map = map;
        this.tokens = tokens;
    }

    public static IReadOnlyList<Statement> ParseScript(string sql)
    {
        var map = new SourceMap(sql);
        return new Parser(map, Lexer.Tokenize(map)).ParseStatements();
    }

    public static Expression ParseStandaloneExpression(string sql)
    {
        var map = new SourceMap(sql);
        var parser = new Parser(map, Lexer.Tokenize(map));
        var expression = parser.ParseExpression();
        parser.Expect(TokenKind.EndOfInput);
        return expression;
    }

    private List<Statement> ParseStatements()
    {
        var statements = new List<Statement>();
        while (true)
        {
            while (Accept(TokenKind.Semicolon))
            {
            }

            if (Is(TokenKind.EndOfInput))
            {
                return statements;
            }

            var first = Current;
            var statement = ParseStatement();
            var last = tokens[index - 1];
            if (!Is(TokenKind.Semicolon) && !Is(TokenKind.EndOfInput))
            {
                throw SyntaxError();
            }

            statements.Add(statement with { SourceText = map.Text[first.Offset..last.End] });
        }
    }

    private Token Current => tokens[index];

    private Token Peek(int ahead) => tokens[Math.Min(index + ahead, tokens.Count - 1)];

    private Token Advance()
    {
        var token = tokens[index];
        if (index < tokens.Count - 1)
        {
            index++;
        }

        return token;
    }

    private bool Is(TokenKind kind) => Current.Kind == kind;

    private bool IsKeyword(string keyword) => Current.IsKeyword(keyword);

    private bool IsOperator(string op) => Current.IsOperator(op);

    private bool Accept(TokenKind kind)
    {
        if (!Is(kind))
        {
            return false;
        }

        Advance();
        return true;
    }

    private Token Expect(TokenKind kind) => Is(kind) ? Advance() : throw SyntaxError();

    private bool AcceptKeyword(string keyword)
    {
        if (!IsKeyword(keyword))
        {
            return false;
        }

        Advance();
        return true;
    }

    /// <summary>Consumes the keywords only if all of them come next, in order.</summary>
    private bool AcceptKeywords(params ReadOnlySpan<string> keywords)
    {
        for (var i = 0; i < keywords.Length; i++)
        {
            if (!Peek(i).IsKeyword(keywords[i]))
            {
                return false;
            }
        }

        for (var i = 0; i < keywords.Length; i++)
        {
            Advance();
        }

        return true;
    }

    private Token ExpectKeyword(string keyword) => IsKeyword(keyword) ? Advance() : throw SyntaxError();

    private void ExpectOperator(string op)
    {
        if (!IsOperator(op))
        {
            throw SyntaxError();
        }

        Advance();
    }

    private SourcePosition PositionOf(Token token) => map.PositionOf(token.Offset);

    private SqlException SyntaxError() => SyntaxErrorAt(Current);

    private SqlException SyntaxErrorAt(Token token) =>
        token.Kind == TokenKind.EndOfInput
            ? new SqlException(SqlStates.SyntaxError, "syntax error at end of input", PositionOf(token))
            : new SqlException(
                SqlStates.SyntaxError,
                $"syntax error at or near \"{map.Text.Substring(token.Offset, token.Length)}\"",
                PositionOf(token));

    private SqlException ErrorAt(Token token, string sqlState, string message) => new(sqlState, message, PositionOf(token));

    /// <summary>Enters one level of nesting; dispose to leave it. Throws 54001 past <see cref="MaxDepth"/>.</summary>
    private DepthScope Enter()
    {
        // The stack probe is a backstop for callers on unusually small stacks; MaxDepth is the rule.
        if (++depth > MaxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw TooComplex();
        }

        return new DepthScope(this);
    }

    /// <summary>Counts one more link of a left-associative chain (a + b + c …) against the depth limit.</summary>
    private void CountChainLink(ref int chain)
    {
        if (++chain + depth > MaxDepth)
        {
            throw TooComplex();
        }
    }

    private SqlException TooComplex() =>
        new(SqlStates.StatementTooComplex, "stack depth limit exceeded: statement is nested too deeply", PositionOf(Current));

    private readonly struct DepthScope(Parser parser) : IDisposable
    {
        public void Dispose() => parser.depth--;
    }
}
