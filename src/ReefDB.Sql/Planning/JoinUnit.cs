using ReefDB.Sql.Binding;
using ReefDB.Sql.Planning.Nodes;

namespace ReefDB.Sql.Planning;

/// <summary>
/// One input of join ordering: a base table, a derived table, or an outer join planned as a whole,
/// with the sources (range variables) it provides.
/// </summary>
internal sealed class JoinUnit
{
    public JoinUnit(BoundFrom from, HashSet<int> sources, int position)
    {
        From = from;
        Sources = sources;
        Position = position;
    }

    public BoundFrom From { get; }

    public HashSet<int> Sources { get; }

    /// <summary>Position in the FROM clause: breaks ties so the choice is deterministic.</summary>
    public int Position { get; }

    /// <summary>Conjuncts that read only this unit's sources (and outer levels).</summary>
    public List<BoundExpr> Local { get; } = [];

    public PlanNode? Plan { get; set; }
}
