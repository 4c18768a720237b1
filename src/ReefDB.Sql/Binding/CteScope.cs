using ReefDB.Sql.Syntax;

namespace ReefDB.Sql.Binding;

/// <summary>
/// The CTEs a WITH clause makes visible, chained to those of enclosing WITH clauses. A reference to a
/// non-recursive CTE binds its query again as a derived table (same results as materializing it, since
/// queries here have no side effects and volatile functions read stamped values).
/// </summary>
internal sealed class CteScope
{
    private readonly List<CteDefinition> definitions = [];

    public CteScope(CteScope? parent) => Parent = parent;

    public CteScope? Parent { get; }

    public void Add(CteDefinition definition) => definitions.Add(definition);

    public CteDefinition? Find(string name)
    {
        for (var s = this; s is not null; s = s.Parent)
        {
            var d = s.definitions.LastOrDefault(x => string.Equals(x.Name, name, StringComparison.Ordinal));
            if (d is not null)
            {
                return d;
            }
        }

        return null;
    }
}

/// <summary>
/// A CTE: its syntax, the scope its query binds in, and, while its recursive part is being bound,
/// the work table that self-references read.
/// </summary>
internal sealed class CteDefinition
{
    public CteDefinition(string name, IReadOnlyList<string> columnNames, Query query, CteScope scope)
    {
        Name = name;
        ColumnNames = columnNames;
        Query = query;
        Scope = scope;
    }

    public string Name { get; }

    public IReadOnlyList<string> ColumnNames { get; }

    public Query Query { get; }

    /// <summary>The CTE scope its own query sees (earlier siblings, and itself when recursive).</summary>
    public CteScope Scope { get; }

    /// <summary>Set while binding the recursive part: references become the work table.</summary>
    public (int Id, RangeVariableShape Shape)? WorkTable { get; set; }

    /// <summary>For a recursive CTE, the bound whole (set after binding).</summary>
    public BoundRecursiveQuery? Recursive { get; set; }
}

/// <summary>Column names and types of a row source.</summary>
internal sealed record RangeVariableShape(System.Collections.Immutable.ImmutableArray<string> Names, System.Collections.Immutable.ImmutableArray<Types.SqlType> Types);
