using ReefDB.Sql.Errors;

namespace ReefDB.Sql.Syntax;

/// <summary>Entry point of the SQL front end: text in, statements out.</summary>
internal static class SqlParser
{
    /// <summary>
    /// Parses a script of statements separated by <c>;</c> (empty statements and comments are skipped).
    /// Each statement carries its <see cref="SyntaxNode.Position"/> and <see cref="Statement.SourceText"/>.
    /// </summary>
    /// <exception cref="SqlException">
    /// 42601 (syntax error, with position) for malformed text; 54001 when nesting exceeds
    /// <see cref="Parser.MaxDepth"/>; a few lexical data errors (22025 bad escape, 22021 NUL character,
    /// 22P02 bad bit string digit). No other exception type escapes.
    /// </exception>
    public static IReadOnlyList<Statement> Parse(string sql) => Parser.ParseScript(sql);

    /// <summary>Parses text that must hold exactly one statement (a prepared statement, a view body).</summary>
    public static Statement ParseSingle(string sql)
    {
        var statements = Parse(sql);
        return statements.Count == 1
            ? statements[0]
            : throw new SqlException(
                SqlStates.SyntaxError,
                statements.Count == 0 ? "syntax error at end of input" : "cannot insert multiple commands into a prepared statement",
                statements.Count == 0 ? null : statements[1].Position);
    }

    /// <summary>Parses a single value expression (for DEFAULT/CHECK text kept in the catalog, and tests).</summary>
    public static Expression ParseExpression(string sql) => Parser.ParseStandaloneExpression(sql);
}
