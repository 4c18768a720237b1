namespace ReefDB.Sql.Tests.Fuzzing;

/// <summary>A column an expression may name, as SQL text (always qualified) and its kind.</summary>
internal sealed record ScopeColumn(string Sql, ColumnKind Kind);

/// <summary>
/// What an expression may read: the columns of the current FROM clause and, for correlated subqueries,
/// those of the enclosing queries. When <see cref="AggregateInput"/> is set the expression is in a grouped
/// query: <see cref="Columns"/> are then the group keys, and aggregates read <see cref="AggregateInput"/>.
/// </summary>
internal sealed record FuzzScope(IReadOnlyList<ScopeColumn> Columns, FuzzScope? Outer = null, IReadOnlyList<ScopeColumn>? AggregateInput = null)
{
    public static readonly FuzzScope Empty = new([]);

    public IEnumerable<ScopeColumn> Visible => Outer is null ? Columns : Columns.Concat(Outer.Visible);

    public ScopeColumn[] OfKind(ColumnKind kind) => Visible.Where(c => c.Kind == kind).ToArray();
}
