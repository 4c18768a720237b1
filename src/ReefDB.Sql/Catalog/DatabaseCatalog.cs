using System.Collections.Immutable;
using ReefDB.Sql.Errors;

namespace ReefDB.Sql.Catalog;

/// <summary>
/// The schema of one database version: tables, indexes and views, all in one name space (as
/// PostgreSQL's relations). Immutable; every DDL statement produces a new instance, so prepared plans
/// detect a changed schema by reference comparison (<see cref="object.ReferenceEquals"/>), which stays
/// correct even when two transaction branches would reach the same "schema version" number.
/// </summary>
/// <remarks>Maps are ordinal-sorted so that any iteration over them is deterministic (DESIGN.md §2).</remarks>
internal sealed class DatabaseCatalog
{
    public static readonly DatabaseCatalog Empty = new(
        ImmutableSortedDictionary.Create<string, TableDef>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, IndexDef>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, ViewDef>(StringComparer.Ordinal));

    private DatabaseCatalog(
        ImmutableSortedDictionary<string, TableDef> tables,
        ImmutableSortedDictionary<string, IndexDef> indexes,
        ImmutableSortedDictionary<string, ViewDef> views)
    {
        Tables = tables;
        Indexes = indexes;
        Views = views;
    }

    public ImmutableSortedDictionary<string, TableDef> Tables { get; }

    public ImmutableSortedDictionary<string, IndexDef> Indexes { get; }

    public ImmutableSortedDictionary<string, ViewDef> Views { get; }

    public TableDef? FindTable(string name) => Tables.GetValueOrDefault(name);

    public ViewDef? FindView(string name) => Views.GetValueOrDefault(name);

    public IndexDef? FindIndex(string name) => Indexes.GetValueOrDefault(name);

    public bool RelationExists(string name) =>
        Tables.ContainsKey(name) || Indexes.ContainsKey(name) || Views.ContainsKey(name);

    /// <summary>Indexes of a table, in name order (deterministic).</summary>
    public IEnumerable<IndexDef> IndexesOf(string table) =>
        Indexes.Values.Where(i => string.Equals(i.Table, table, StringComparison.Ordinal));

    /// <summary>Foreign keys elsewhere that reference <paramref name="table"/>, with their owning table.</summary>
    public IEnumerable<(TableDef Owner, ForeignKeyDef Key)> ReferencesTo(string table) =>
        Tables.Values.SelectMany(t => t.ForeignKeys
            .Where(f => string.Equals(f.ReferencedTable, table, StringComparison.Ordinal))
            .Select(f => (t, f)));

    public TableDef RequireTable(string name) =>
        FindTable(name) ?? throw new SqlException(SqlStates.UndefinedTable, $"relation \"{name}\" does not exist");

    public DatabaseCatalog WithTable(TableDef table) => new(Tables.SetItem(table.Name, table), Indexes, Views);

    public DatabaseCatalog WithoutTable(string name)
    {
        var indexes = Indexes;
        foreach (var index in IndexesOf(name))
        {
            indexes = indexes.Remove(index.Name);
        }

        return new(Tables.Remove(name), indexes, Views);
    }

    public DatabaseCatalog WithIndex(IndexDef index) => new(Tables, Indexes.SetItem(index.Name, index), Views);

    public DatabaseCatalog WithoutIndex(string name) => new(Tables, Indexes.Remove(name), Views);

    public DatabaseCatalog WithView(ViewDef view) => new(Tables, Indexes, Views.SetItem(view.Name, view));

    public DatabaseCatalog WithoutView(string name) => new(Tables, Indexes, Views.Remove(name));
}
