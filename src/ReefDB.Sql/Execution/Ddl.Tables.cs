using System.Collections.Immutable;
using ReefDB.Sql.Binding;
using ReefDB.Sql.Catalog;
using ReefDB.Sql.Errors;
using ReefDB.Sql.Planning;
using ReefDB.Sql.Syntax;

namespace ReefDB.Sql.Execution;

internal static partial class Ddl
{
    private static (StatementResult, DatabaseVersion) CreateTable(CreateTableStatement s, DatabaseVersion v, ExecContext ctx)
    {
        CheckName(s.Name);
        var name = s.Name.Name;
        if (v.Catalog.RelationExists(name))
        {
            if (s.IfNotExists && v.Catalog.FindTable(name) is not null)
            {
                return (StatementResult.Command("CREATE TABLE"), v);
            }

            throw new SqlException(SqlStates.DuplicateTable, $"relation \"{name}\" already exists");
        }

        var columns = new List<ColumnDef>();
        var primaryKey = new List<int>();
        var uniques = new List<(string? Name, List<int> Columns)>();
        var checks = new List<CheckDef>();
        var fks = new List<(string? Name, List<int> Columns, ForeignKeyReference Reference)>();
        foreach (var c in s.Columns)
        {
            if (columns.Any(x => x.Name == c.Name))
            {
                throw new SqlException(SqlStates.DuplicateColumn, $"column \"{c.Name}\" specified more than once");
            }

            columns.Add(ColumnFrom(c, columns.Count, name, checks));
            foreach (var constraint in c.Constraints)
            {
                switch (constraint)
                {
                    case PrimaryKeyColumnConstraint:
                        if (primaryKey.Count > 0)
                        {
                            throw new SqlException(SqlStates.InvalidTableDefinition, $"multiple primary keys for table \"{name}\" are not allowed");
                        }

                        primaryKey.Add(columns.Count - 1);
                        break;
                    case UniqueColumnConstraint u:
                        uniques.Add((u.Name, [columns.Count - 1]));
                        break;
                    case ReferencesColumnConstraint r:
                        fks.Add((r.Name, [columns.Count - 1], r.Reference));
                        break;
                }
            }
        }

        int Column(string column) => columns.FindIndex(x => x.Name == column) is var i and >= 0 ? i
            : throw new SqlException(SqlStates.UndefinedColumn, $"column \"{column}\" named in key does not exist");
        foreach (var constraint in s.Constraints)
        {
            switch (constraint)
            {
                case PrimaryKeyTableConstraint p:
                    if (primaryKey.Count > 0)
                    {
                        throw new SqlException(SqlStates.InvalidTableDefinition, $"multiple primary keys for table \"{name}\" are not allowed");
                    }

                    primaryKey.AddRange(p.Columns.Select(Column));
                    break;
                case UniqueTableConstraint u:
                    uniques.Add((u.Name, u.Columns.Select(Column).ToList()));
                    break;
                case CheckTableConstraint c:
                    checks.Add(new CheckDef(c.Name ?? $"{name}_check{(checks.Count == 0 ? "" : checks.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))}", new StoredExpression(c.Condition)));
                    break;
                case ForeignKeyTableConstraint f:
                    fks.Add((f.Name, f.Columns.Select(Column).ToList(), f.Reference));
                    break;
            }
        }

        foreach (var p in primaryKey)
        {
            columns[p] = columns[p] with { NotNull = true };
        }

        var table = new TableDef(name, [.. columns], [.. primaryKey], [.. checks], []);
        var catalog = v.Catalog.WithTable(table);
        var foreignKeys = fks.Select((f, i) => ForeignKeyFrom(f.Name, f.Columns, f.Reference, table, catalog, i)).ToImmutableArray();
        table = table with { ForeignKeys = foreignKeys };
        catalog = catalog.WithTable(table);
        var data = TableData.CreateEmpty();
        if (primaryKey.Count > 0)
        {
            catalog = catalog.WithIndex(new IndexDef($"{name}_pkey", name, [.. primaryKey.Select(IndexKeyPart.ForColumn)], true, true));
        }

        foreach (var (uniqueName, cols) in uniques)
        {
            var indexName = uniqueName ?? UniqueName(catalog, $"{name}_{string.Join("_", cols.Select(c => columns[c].Name))}_key");
            if (catalog.RelationExists(indexName))
            {
                throw new SqlException(SqlStates.DuplicateTable, $"relation \"{indexName}\" already exists");
            }

            catalog = catalog.WithIndex(new IndexDef(indexName, name, [.. cols.Select(IndexKeyPart.ForColumn)], true, false));
            data = data.WithIndex(indexName, new IndexData(RowTree.Create(RowKeyComparer.Ascending), 0));
        }

        // Validate defaults and checks now, so a bad expression fails the CREATE, not a later INSERT.
        var version = v.With(catalog, v.Tables.SetItem(name, data));
        TableRuntime.Build(catalog, table, new Planner(version));
        return (StatementResult.Command("CREATE TABLE"), version);
    }

    private static string UniqueName(DatabaseCatalog catalog, string name)
    {
        var candidate = name;
        for (var i = 1; catalog.RelationExists(candidate); i++)
        {
            candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    private static ColumnDef ColumnFrom(ColumnDefinition c, int ordinal, string table, List<CheckDef> checks)
    {
        var type = SqlOps.ParseType(c.Type);
        var notNull = false;
        StoredExpression? defaultValue = null;
        foreach (var constraint in c.Constraints)
        {
            switch (constraint)
            {
                case NotNullColumnConstraint:
                    notNull = true;
                    break;
                case DefaultColumnConstraint d:
                    defaultValue = new StoredExpression(d.Value);
                    break;
                case CheckColumnConstraint k:
                    checks.Add(new CheckDef(k.Name ?? $"{table}_{c.Name}_check", new StoredExpression(k.Condition)));
                    break;
            }
        }

        return new ColumnDef(c.Name, ordinal, type, notNull, defaultValue);
    }

    private static ForeignKeyDef ForeignKeyFrom(string? name, List<int> columns, ForeignKeyReference reference, TableDef table, DatabaseCatalog catalog, int index)
    {
        CheckName(reference.Table);
        var parent = catalog.FindTable(reference.Table.Name)
            ?? throw new SqlException(SqlStates.UndefinedTable, $"relation \"{reference.Table.Name}\" does not exist");
        var referenced = reference.Columns.Count == 0
            ? parent.PrimaryKey.ToList()
            : reference.Columns.Select(c => parent.FindColumn(c) is var i and >= 0 ? i
                : throw new SqlException(SqlStates.UndefinedColumn, $"column \"{c}\" referenced in foreign key constraint does not exist")).ToList();
        if (referenced.Count == 0)
        {
            throw new SqlException(SqlStates.InvalidForeignKey, $"there is no primary key for referenced table \"{parent.Name}\"");
        }

        if (referenced.Count != columns.Count)
        {
            throw new SqlException(SqlStates.InvalidForeignKey, "number of referencing and referenced columns for foreign key disagree");
        }

        var hasUnique = (parent.HasPrimaryKey && parent.PrimaryKey.SequenceEqual(referenced)) ||
            catalog.IndexesOf(parent.Name).Any(i => i.Unique && i.IsColumnIndex && i.Keys.Select(k => k.Column).SequenceEqual(referenced));
        if (!hasUnique)
        {
            throw new SqlException(SqlStates.InvalidForeignKey, $"there is no unique constraint matching given keys for referenced table \"{parent.Name}\"");
        }

        var fkName = name ?? $"{table.Name}_{string.Join("_", columns.Select(c => table.Columns[c].Name))}_fkey";
        return new ForeignKeyDef(fkName, [.. columns], parent.Name, [.. referenced], reference.OnDelete);
    }

    private static (StatementResult, DatabaseVersion) CreateIndex(CreateIndexStatement s, DatabaseVersion v, ExecContext ctx)
    {
        CheckName(s.Table);
        var table = v.Catalog.FindTable(s.Table.Name)
            ?? throw new SqlException(SqlStates.UndefinedTable, $"relation \"{s.Table.Name}\" does not exist");
        if (s.Where is not null)
        {
            throw new SqlException(SqlStates.FeatureNotSupported, "partial indexes are not supported");
        }

        var keys = s.Elements.Select(e => e.Expression is ColumnReference { Table: null } c
            ? new IndexKeyPart(table.FindColumn(c.Column) is var i and >= 0 ? i
                : throw new SqlException(SqlStates.UndefinedColumn, $"column \"{c.Column}\" does not exist"), null, e.Direction == SortDirection.Descending)
            : new IndexKeyPart(-1, new StoredExpression(e.Expression), e.Direction == SortDirection.Descending)).ToImmutableArray();
        var name = s.Name ?? UniqueName(v.Catalog, $"{table.Name}_{string.Join("_", keys.Select(k => k.IsColumn ? table.Columns[k.Column].Name : "expr"))}_idx");
        if (v.Catalog.RelationExists(name))
        {
            if (s.IfNotExists)
            {
                return (StatementResult.Command("CREATE INDEX"), v);
            }

            throw new SqlException(SqlStates.DuplicateTable, $"relation \"{name}\" already exists");
        }

        var method = IndexMethodOf(s, keys, v.Catalog, table);
        var index = new IndexDef(name, table.Name, keys, s.Unique, false, method);
        var catalog = v.Catalog.WithIndex(index);
        var data = v.Data(table.Name).WithIndex(name, new IndexData(
            RowTree.Create(new RowKeyComparer([.. keys.Select(k => k.Descending)])), 0, method == IndexMethod.Gin ? new GinStatistics(0, 0) : null));
        var version = v.With(catalog, v.Tables.SetItem(table.Name, data));

        // Fill the new index from the existing rows through the writer, which also checks uniqueness.
        var runtime = TableRuntime.Build(catalog, table, new Planner(version));
        var built = IndexBuilder.Fill(runtime, runtime.Indexes.Single(i => i.Index.Name == name), version.Data(table.Name), ctx);
        return (StatementResult.Command("CREATE INDEX"), version.With(catalog, version.Tables.SetItem(table.Name, built)));
    }
}
