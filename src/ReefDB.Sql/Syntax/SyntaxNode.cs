using ReefDB.Sql.Errors;

namespace ReefDB.Sql.Syntax;

/// <summary>
/// Base of every AST node. Nodes are immutable records built by <see cref="SqlParser"/>; the engine
/// consumes them by pattern matching. <see cref="Position"/> is where the node's first token starts, so
/// that later phases (binding, execution) can point errors at the text; nodes built by code rather
/// than by the parser have the default position (0,0,0).
/// </summary>
/// <remarks>
/// Identifiers in the tree are already normalized: unquoted names are folded to lower case, quoted
/// names keep their case. Lists are never null (empty when the clause is absent).
/// </remarks>
internal abstract record SyntaxNode
{
    public SourcePosition Position { get; init; }
}

/// <summary>A complete SQL statement: what <see cref="SqlParser.Parse"/> returns, one per <c>;</c>.</summary>
internal abstract record Statement : SyntaxNode
{
    /// <summary>
    /// The statement's own text as written (without the terminating <c>;</c>), for echoing and for
    /// naming the statement in messages. Empty for nested statements such as the one EXPLAIN wraps.
    /// </summary>
    public string SourceText { get; init; } = "";
}
