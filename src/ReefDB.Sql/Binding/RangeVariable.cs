using System.Collections.Immutable;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Binding;

/// <summary>
/// A name in a FROM clause (table, view, subquery, CTE, function) with its columns. Column
/// <c>i</c> is <c>new ColumnId(SourceId, i)</c>. Columns listed in <see cref="HiddenForUnqualified"/>
/// are found only when qualified (the right side of a USING/NATURAL join).
/// </summary>
internal sealed class RangeVariable
{
    public RangeVariable(int sourceId, string? alias, ImmutableArray<string> columnNames, ImmutableArray<SqlType> columnTypes)
    {
        SourceId = sourceId;
        Alias = alias;
        ColumnNames = columnNames;
        ColumnTypes = columnTypes;
    }

    public int SourceId { get; }

    /// <summary>The name the query uses for it; null for an unaliased subquery (only unqualified access).</summary>
    public string? Alias { get; }

    public ImmutableArray<string> ColumnNames { get; }

    public ImmutableArray<SqlType> ColumnTypes { get; }

    public HashSet<int> HiddenForUnqualified { get; } = [];

    public int FindColumn(string name)
    {
        for (var i = 0; i < ColumnNames.Length; i++)
        {
            if (string.Equals(ColumnNames[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
