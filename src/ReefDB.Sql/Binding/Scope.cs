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
    }

    public Scope? Parent { get; }

    public int Level { get; }

    public CteScope? Ctes { get; set; }

    public List<RangeVariable> Variables { get; } = [];

    /// <summary>Columns of enclosing levels that this level (or a deeper one inside it) reads.</summary>
    public List<BoundColumn> OuterReferences { get; } = [];

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
