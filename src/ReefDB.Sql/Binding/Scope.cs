using ReefDB.Sql.Errors;

namespace ReefDB.Sql.Binding;

/// <summary>
/// The names visible in one query level: its range variables, and through <see cref="Parent"/> those
/// of enclosing queries (correlation). <see cref="Level"/> is the nesting depth (0 = outermost).
/// </summary>
internal sealed class Scope
{
    public Scope(Scope? parent, CteScope? ctes)
    {
        Parent = parent;
        Level = parent is null ? 0 : parent.Level + 1;
        Ctes = ctes ?? parent?.Ctes;
        OuterReferences = [];
    }

    private Scope(Scope sibling)
        : this(sibling.Parent, sibling.Ctes)
    {
        OuterReferences = sibling.OuterReferences;
        EnclosingContext = sibling.EnclosingContext;
    }

    public Scope? Parent { get; }

    /// <summary>
    /// For a subquery used as an expression: the clause of the enclosing level it appears in. An aggregate
    /// inside whose arguments read only that level's columns belongs to it, if that clause allows aggregates.
    /// </summary>
    public ExprContext? EnclosingContext { get; init; }

    /// <summary>
    /// Aggregates of this level written inside its subqueries (<c>SELECT (SELECT sum(t.x) FROM u) FROM t</c>):
    /// the aggregation computes each, and the subquery reads its result as the outer column <c>Id</c>.
    /// </summary>
    public List<(ColumnId Id, BoundAggregateCall Call)> NestedAggregates { get; } = [];

    public int Level { get; }

    public CteScope? Ctes { get; set; }

    public List<RangeVariable> Variables { get; } = [];

    /// <summary>
    /// Columns of enclosing levels that this level (or a deeper one inside it) reads; shared with its
    /// <see cref="Sibling"/>s, so a subquery whose body is a set operation or has a LIMIT sees them all.
    /// </summary>
    public List<BoundColumn> OuterReferences { get; }

    /// <summary>
    /// Another scope of the same level and enclosing queries (a set operation's member, a derived table, a
    /// LIMIT), whose outer references count as this one's.
    /// </summary>
    public Scope Sibling() => new(this);

    public void Add(RangeVariable variable)
    {
        if (variable.Alias is { } alias && Variables.Any(v => string.Equals(v.Alias, alias, StringComparison.Ordinal)))
        {
            throw new SqlException(SqlStates.DuplicateAlias, $"table name \"{alias}\" specified more than once");
        }

        Variables.Add(variable);
    }

    /// <summary>Finds a column by optional qualifier; null when no level has it. Throws when ambiguous.</summary>
    public BoundColumn? Resolve(string? table, string column)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            var found = scope.ResolveHere(table, column);
            if (found is null)
            {
                continue;
            }

            for (var s = this; s != scope; s = s.Parent!)
            {
                s.OuterReferences.Add(found);
            }

            return found;
        }

        return null;
    }

    /// <summary>How many outer references each level from this one outwards has, to undo later ones.</summary>
    public int[] MarkOuterReferences()
    {
        var marks = new int[Level + 1];
        for (var s = this; s is not null; s = s.Parent)
        {
            marks[s.Level] = s.OuterReferences.Count;
        }

        return marks;
    }

    /// <summary>Forgets the outer references noted since <paramref name="marks"/>.</summary>
    public void RestoreOuterReferences(int[] marks)
    {
        for (var s = this; s is not null; s = s.Parent)
        {
            s.OuterReferences.RemoveRange(marks[s.Level], s.OuterReferences.Count - marks[s.Level]);
        }
    }

    /// <summary>Notes <paramref name="column"/>, of an enclosing level, as read by this level and those between.</summary>
    public void AddOuterReference(BoundColumn column)
    {
        for (var s = this; s.Level > column.Level; s = s.Parent!)
        {
            s.OuterReferences.Add(column);
        }
    }

    public RangeVariable? FindVariable(string alias)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            var v = scope.Variables.FirstOrDefault(x => string.Equals(x.Alias, alias, StringComparison.Ordinal));
            if (v is not null)
            {
                return v;
            }
        }

        return null;
    }

    private BoundColumn? ResolveHere(string? table, string column)
    {
        BoundColumn? result = null;
        foreach (var v in Variables)
        {
            if (table is not null && !string.Equals(v.Alias, table, StringComparison.Ordinal))
            {
                continue;
            }

            var i = v.FindColumn(column);
            if (i < 0 || (table is null && v.HiddenForUnqualified.Contains(i)))
            {
                continue;
            }

            if (result is not null)
            {
                throw new SqlException(SqlStates.AmbiguousColumn, $"column reference \"{column}\" is ambiguous");
            }

            result = new BoundColumn(new ColumnId(v.SourceId, i), Level, v.ColumnTypes[i], column);
        }

        return result;
    }
}
