using ReefDB.FullText.Querying;

namespace ReefDB.FullText;

/// <summary>
/// An immutable PostgreSQL <c>tsquery</c>: lexeme operands (with weight masks and prefix flags) combined
/// by <c>!</c>, <c>&amp;</c>, <c>|</c> and phrase operators <c>&lt;N&gt;</c>. May be empty (no lexemes).
/// </summary>
public sealed partial class TsQuery : IEquatable<TsQuery>, IComparable<TsQuery>
{
    /// <summary>Largest phrase distance PostgreSQL accepts (MAXENTRYPOS).</summary>
    public const int MaxPhraseDistance = 16384;

    private TsQuery(QueryNode? root) => Root = root;

    /// <summary>The query without lexemes; it matches nothing.</summary>
    public static TsQuery Empty { get; } = new(null);

    /// <summary>Root of the tree, null for the empty query. Never contains a stop-word placeholder.</summary>
    internal QueryNode? Root { get; }

    /// <summary>True when the query has no lexemes.</summary>
    public bool IsEmpty => Root is null;

    internal static TsQuery FromRoot(QueryNode? root) => root is null ? Empty : new TsQuery(root);

    /// <summary>
    /// The items in PostgreSQL's stored (prefix/polish) order: an operator, then its right operand's
    /// items, then its left operand's. Ranking iterates operands in this order.
    /// </summary>
    internal List<QueryNode> Items()
    {
        var list = new List<QueryNode>();
        if (Root is not null)
        {
            Flatten(Root, list);
        }

        return list;
    }

    private static void Flatten(QueryNode node, List<QueryNode> list)
    {
        list.Add(node);
        if (node is OperatorNode op)
        {
            Flatten(op.Right, list);
            if (op.Left is not null)
            {
                Flatten(op.Left, list);
            }
        }
    }

    /// <summary><c>numnode(query)</c>: operands plus operators.</summary>
    public int NumNode => Root?.Size ?? 0;
}
