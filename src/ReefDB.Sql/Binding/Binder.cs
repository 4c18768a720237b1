using System.Collections.Immutable;
using ReefDB.Sql.Catalog;
using ReefDB.Sql.Errors;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Binding;

/// <summary>
/// Resolves names and types of one statement against one catalog, producing bound queries and
/// expressions. One instance per statement binding; not thread-safe.
/// </summary>
/// <remarks>
/// Parameter types: a <c>$n</c> takes the type its context asks for (the other side of a comparison,
/// the target column); without context it is <c>text</c>-like unknown and values are used as given.
/// </remarks>
internal sealed partial class Binder
{
    private readonly List<SqlType?> parameterTypes = [];
    private readonly Dictionary<int, (TableDef Table, RangeVariable Variable)> tablesBySource = [];
    private int nextSourceId;
    private int nextWorkTableId;
    private int nextSubqueryId;

    /// <summary>The columns that stand for aggregates of an outer level inside subqueries.</summary>
    private readonly HashSet<ColumnId> outerAggregateIds = [];

    public Binder(DatabaseCatalog catalog) => Catalog = catalog;

    public DatabaseCatalog Catalog { get; }

    /// <summary>Parameter types inferred so far (index = $n - 1); null where no context typed it.</summary>
    public IReadOnlyList<SqlType?> ParameterTypes => parameterTypes;

    public int SourceCount => nextSourceId;

    public int WorkTableCount => nextWorkTableId;

    public int SubqueryCount => nextSubqueryId;

    /// <summary>
    /// Called with each column reference of the statement's own text and what it resolved to (not for the
    /// text of views it reads): lets ALTER TABLE … RENAME COLUMN find the references to a column.
    /// </summary>
    public Action<Syntax.ColumnReference, BoundColumn>? ColumnResolved { get; set; }

    /// <summary>
    /// With <see cref="ColumnResolved"/> set: the select items that are a bare column reference, whose output
    /// column takes the column's name (a rename must then keep that name with an alias).
    /// </summary>
    public HashSet<Syntax.ColumnReference> UnaliasedOutputColumns { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>The table a column of a table range variable belongs to; null for derived columns.</summary>
    public TableDef? TableOf(ColumnId id) => tablesBySource.TryGetValue(id.Source, out var entry) ? entry.Table : null;

    public int NewSourceId() => nextSourceId++;

    public int NewSubqueryId() => nextSubqueryId++;

    public RangeVariable NewVariable(string? alias, ImmutableArray<string> names, ImmutableArray<SqlType> types) =>
        new(NewSourceId(), alias, names, types);

    /// <summary>A range variable over a table's columns.</summary>
    public RangeVariable TableVariable(TableDef table, string? alias)
    {
        var variable = NewVariable(
            alias ?? table.Name,
            table.Columns.Select(c => c.Name).ToImmutableArray(),
            table.Columns.Select(c => c.Type).ToImmutableArray());
        tablesBySource[variable.SourceId] = (table, variable);
        return variable;
    }

    private void NoteParameter(int index, SqlType type)
    {
        while (parameterTypes.Count <= index)
        {
            parameterTypes.Add(null);
        }

        parameterTypes[index] ??= type.Kind == SqlTypeKind.Unknown ? null : type;
    }

    private static SqlException Undefined(string state, string message) => new(state, message);
}
