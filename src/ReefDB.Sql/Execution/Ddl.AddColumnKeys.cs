using System.Collections.Immutable;
using ReefDB.Sql.Catalog;
using ReefDB.Sql.Errors;
using ReefDB.Sql.Planning;
using ReefDB.Sql.Syntax;

namespace ReefDB.Sql.Execution;

internal static partial class Ddl
{
    /// <summary>
    /// The key constraints of a column just added (filled with its default in every row), as PostgreSQL
    /// applies them: UNIQUE builds a unique index over the existing rows (23505 when the default repeats),
    /// REFERENCES checks every existing value against the parent (23503), and PRIMARY KEY re-keys the
    /// table by the column (23505 for repeats; NULLs were already refused as the column is NOT NULL).
    /// </summary>
    private static DatabaseVersion AddColumnKeys(DatabaseVersion v, string table, int column, IReadOnlyList<ColumnConstraint> constraints, ExecContext ctx)
    {
        foreach (var constraint in constraints)
        {
            switch (constraint)
            {
                case PrimaryKeyColumnConstraint:
                    v = AddPrimaryKey(v, table, column, ctx);
                    break;
                case UniqueColumnConstraint u:
                    var element = new IndexElement(new ColumnReference(null, null, v.Catalog.RequireTable(table).Columns[column].Name), SortDirection.Ascending, NullsOrder.Default);
                    var statement = new CreateIndexStatement(
                        u.Name ?? UniqueName(v.Catalog, $"{table}_{element.Expression switch { ColumnReference c => c.Column, _ => "expr" }}_key"),
                        new ObjectName(null, table), Unique: true, IfNotExists: false, Method: null, [element], Where: null);
                    (_, v) = CreateIndex(statement, v, ctx);
                    break;
                case ReferencesColumnConstraint r:
                    v = AddForeignKey(v, table, column, r, ctx);
                    break;
            }
        }

        return v;
    }

    private static DatabaseVersion AddForeignKey(DatabaseVersion v, string name, int column, ReferencesColumnConstraint r, ExecContext ctx)
    {
        var table = v.Catalog.RequireTable(name);
        var fk = ForeignKeyFrom(r.Name, [column], r.Reference, table, v.Catalog, table.ForeignKeys.Length);
        table = table with { ForeignKeys = table.ForeignKeys.Add(fk) };
        var version = v.With(v.Catalog.WithTable(table), v.Tables);
        var writes = new WriteSet(version);
        foreach (var (_, row) in version.Data(name).Rows.Range(null, null))
        {
            ForeignKeys.CheckParentExists(writes, table, row);
        }

        return version;
    }

    /// <summary>Re-keys a table that had no primary key (rows keyed by a hidden row id) by <paramref name="column"/>.</summary>
    private static DatabaseVersion AddPrimaryKey(DatabaseVersion v, string name, int column, ExecContext ctx)
    {
        var table = v.Catalog.RequireTable(name);
        var keyed = table with { PrimaryKey = [column] };
        var pkey = UniqueName(v.Catalog, $"{name}_pkey");
        var catalog = v.Catalog.WithTable(keyed).WithIndex(new IndexDef(pkey, name, [IndexKeyPart.ForColumn(column)], true, true));
        var old = v.Data(name);
        var rows = RowTree.Create(RowKeyComparer.Ascending).ToBuilder();
        foreach (var (_, row) in old.Rows.Range(null, null))
        {
            var key = new RowKey([row[column]]);
            if (!rows.TryAdd(key, row[..keyed.Columns.Length]))
            {
                throw new SqlException(SqlStates.UniqueViolation, $"could not create unique index \"{pkey}\"");
            }
        }

        // Secondary index entries end with the row's storage key, which changed: build them again.
        var data = new TableData(rows.ToImmutable(), ImmutableSortedDictionary.Create<string, IndexData>(StringComparer.Ordinal), old.NextRowId);
        foreach (var index in catalog.IndexesOf(name).Where(i => !i.IsPrimaryKey))
        {
            data = data.WithIndex(index.Name, new IndexData(
                RowTree.Create(new RowKeyComparer([.. index.Keys.Select(k => k.Descending)])), 0, index.IsGin ? new GinStatistics(0, 0) : null));
        }

        var version = v.With(catalog, v.Tables.SetItem(name, data));
        var runtime = TableRuntime.Build(catalog, keyed, new Planner(version));
        foreach (var index in runtime.Indexes)
        {
            data = IndexBuilder.Fill(runtime, index, data, ctx);
        }

        return version.With(catalog, version.Tables.SetItem(name, data));
    }
}
