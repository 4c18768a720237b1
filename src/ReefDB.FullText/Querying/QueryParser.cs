using ReefDB.FullText.Parsing;

namespace ReefDB.FullText.Querying;

/// <summary>How query text is read: tsquery syntax, one plain operand, or web-search syntax.</summary>
internal enum QueryMode
{
    Standard,
    Plain,
    Web,
}

/// <summary>
/// PostgreSQL's parse_tsquery: tokenizes query text, orders operators by priority with an operator
/// stack (makepol), and builds the tree from the resulting postfix stream. Each operand goes through a
/// caller-supplied push function (as-is for tsquery input, through a configuration for to_tsquery).
/// </summary>
internal sealed partial class QueryParser
{
    private readonly string buffer;
    private readonly QueryMode mode;
    private readonly ValueTokenizer values;
    private readonly Action<QueryParser, string, byte, bool> pushValue;
    private readonly Stack<QueryNode> output = new();
    private int pos;
    private int depth;
    private WaitState wait = WaitState.FirstOperand;
    private bool sawStop;

    private QueryParser(string buffer, QueryMode mode, Action<QueryParser, string, byte, bool> pushValue)
    {
        this.buffer = buffer;
        this.mode = mode;
        this.pushValue = pushValue;
        values = new ValueTokenizer(buffer, isTsQuery: true, isWeb: mode == QueryMode.Web);
    }

    private enum WaitState
    {
        FirstOperand,
        Operand,
        Operator,
    }

    private enum Tok
    {
        End,
        Error,
        Value,
        Operator,
        Open,
        Close,
    }

    /// <summary>Parses <paramref name="text"/>; the result has stop words removed, null when empty.</summary>
    public static QueryNode? Parse(string text, QueryMode mode, Action<QueryParser, string, byte, bool> pushValue)
    {
        var parser = new QueryParser(text, mode, pushValue);
        parser.MakePolish();
        if (parser.output.Count == 0)
        {
            return null;
        }

        if (parser.output.Count != 1)
        {
            throw new FullTextException(SqlStates.SyntaxError, $"syntax error in tsquery: \"{text}\"");
        }

        var root = parser.output.Pop();
        return parser.sawStop ? StopwordCleaner.Clean(root) : root;
    }

    /// <summary>pushValue: an operand, with PostgreSQL's length checks.</summary>
    public void PushValue(string lexeme, byte weight, bool prefix)
    {
        var bytes = LexemeOrder.Utf8Length(lexeme);
        if (bytes > 0xFFFF)
        {
            throw new FullTextException(SqlStates.SyntaxError, $"operand is too long in tsquery: \"{buffer}\"");
        }

        if (bytes > TsVector.MaxLexemeBytes)
        {
            throw new FullTextException(SqlStates.SyntaxError, $"word is too long in tsquery: \"{buffer}\"");
        }

        output.Push(new OperandNode(lexeme, weight, prefix));
    }

    /// <summary>pushStop: a placeholder for a stop word, removed after parsing.</summary>
    public void PushStop()
    {
        output.Push(StopNode.Instance);
        sawStop = true;
    }

    /// <summary>pushOperator: combines the top one (NOT) or two stream entries.</summary>
    public void PushOperator(QueryOp op, int distance)
    {
        if (op == QueryOp.Not)
        {
            output.Push(OperatorNode.Not(PopOperand()));
            return;
        }

        var right = PopOperand();
        var left = PopOperand();
        output.Push(OperatorNode.Binary(op, left, right, distance));
    }

    private QueryNode PopOperand() =>
        output.Count > 0 ? output.Pop() : throw new FullTextException(SqlStates.SyntaxError, $"syntax error in tsquery: \"{buffer}\"");

    private void MakePolish()
    {
        var stack = new List<(QueryOp Op, int Distance)>();
        while (true)
        {
            var tok = NextToken(out var op, out var value, out var weight, out var prefix, out var distance);
            switch (tok)
            {
                case Tok.End:
                    if (depth != 0)
                    {
                        throw new FullTextException(SqlStates.SyntaxError, $"syntax error in tsquery: \"{buffer}\"");
                    }

                    CleanOpStack(stack, QueryOp.Or);
                    return;
                case Tok.Value:
                    pushValue(this, value, weight, prefix);
                    break;
                case Tok.Operator:
                    CleanOpStack(stack, op);
                    stack.Add((op, distance));
                    break;
                case Tok.Open:
                    depth++;
                    MakePolish();
                    break;
                case Tok.Close:
                    // Parentheses must balance: a stray ')' or an unclosed '(' is a syntax error.
                    if (depth == 0)
                    {
                        throw new FullTextException(SqlStates.SyntaxError, $"syntax error in tsquery: \"{buffer}\"");
                    }

                    depth--;
                    CleanOpStack(stack, QueryOp.Or);
                    return;
                default:
                    throw new FullTextException(SqlStates.SyntaxError, $"syntax error in tsquery: \"{buffer}\"");
            }
        }
    }

    /// <summary>Pops operators binding at least as tightly as <paramref name="op"/> (NOT is right-associative).</summary>
    private void CleanOpStack(List<(QueryOp Op, int Distance)> stack, QueryOp op)
    {
        var priority = QueryNode.Priority(op);
        while (stack.Count > 0)
        {
            var top = QueryNode.Priority(stack[^1].Op);
            if ((op != QueryOp.Not && priority > top) || (op == QueryOp.Not && priority >= top))
            {
                break;
            }

            var (o, d) = stack[^1];
            stack.RemoveAt(stack.Count - 1);
            PushOperator(o, d);
        }
    }

    private char Cur => pos < buffer.Length ? buffer[pos] : '\0';

    private bool AtEnd => pos >= buffer.Length;

    private bool CurIsSpace => !AtEnd && CharClass.IsSpace(CharClass.CodePointAt(buffer, pos));

    private void Advance() => pos += !AtEnd && char.IsHighSurrogate(buffer[pos]) && pos + 1 < buffer.Length ? 2 : 1;
}
