namespace ReefDB.FullText.Querying;

/// <summary>tsquery operators with PostgreSQL's codes (OP_NOT..OP_PHRASE), which its ordering uses.</summary>
internal enum QueryOp : byte
{
    Not = 1,
    And = 2,
    Or = 3,
    Phrase = 4,
}

/// <summary>A node of an immutable tsquery tree.</summary>
internal abstract class QueryNode
{
    /// <summary>Binding strength used by the parser and printer: ! 4, &lt;-&gt; 3, &amp; 2, | 1.</summary>
    public static int Priority(QueryOp op) => op switch
    {
        QueryOp.Not => 4,
        QueryOp.Phrase => 3,
        QueryOp.And => 2,
        _ => 1,
    };

    /// <summary>Number of items in PostgreSQL's flattened form (numnode).</summary>
    public abstract int Size { get; }
}

/// <summary>A lexeme to look up, with an optional weight mask (A = 8, B = 4, C = 2, D = 1) and prefix flag.</summary>
internal sealed class OperandNode(string lexeme, byte weight, bool prefix) : QueryNode
{
    public string Lexeme { get; } = lexeme;

    public byte Weight { get; } = weight;

    public bool Prefix { get; } = prefix;

    public override int Size => 1;
}

/// <summary>The placeholder for a stop word; only exists while a query is being built.</summary>
internal sealed class StopNode : QueryNode
{
    public static StopNode Instance { get; } = new();

    public override int Size => 1;
}

/// <summary>An operator; NOT has only <see cref="Right"/> (its operand), the others both children.</summary>
internal sealed class OperatorNode(QueryOp op, QueryNode? left, QueryNode right, int distance) : QueryNode
{
    public QueryOp Op { get; } = op;

    public QueryNode? Left { get; } = left;

    public QueryNode Right { get; } = right;

    /// <summary>Phrase distance (0..16384); zero for the other operators.</summary>
    public int Distance { get; } = distance;

    public override int Size { get; } = 1 + right.Size + (left?.Size ?? 0);

    public static OperatorNode Not(QueryNode operand) => new(QueryOp.Not, null, operand, 0);

    public static OperatorNode Binary(QueryOp op, QueryNode left, QueryNode right, int distance = 0) =>
        new(op, left, right, op == QueryOp.Phrase ? distance : 0);
}
