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

    public Binder(DatabaseCatalog catalog) => Catalog = catalog;

    public DatabaseCatalog Catalog { get; }

    /// <summary>Parameter types inferred so far (index = $n - 1); null where no context typed it.</summary>
    public IReadOnlyList<SqlType?> ParameterTypes => parameterTypes;

    public int SourceCount => nextSourceId;

    public int WorkTableCount => nextWorkTableId;

    public int SubqueryCount => nextSubqueryId;

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
