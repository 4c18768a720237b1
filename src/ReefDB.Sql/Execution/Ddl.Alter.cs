using System.Collections.Immutable;
using ReefDB.Sql.Catalog;
using ReefDB.Sql.Errors;
using ReefDB.Sql.Planning;
using ReefDB.Sql.Syntax;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Execution;

internal static partial class Ddl
{
    private static (StatementResult, DatabaseVersion) AlterTable(AlterTableStatement s, DatabaseVersion v, ExecContext ctx)
    {
        CheckName(s.Table);
        if (v.Catalog.FindTable(s.Table.Name) is null)
        {
            if (s.IfExists)
            {
                return (StatementResult.Command("ALTER TABLE"), v);
            }

            throw new SqlException(SqlStates.UndefinedTable, $"relation \"{s.Table.Name}\" does not exist");
        }

        var name = s.Table.Name;
        foreach (var action in s.Actions)
        {
            (v, name) = action switch
            {
                RenameTableAction r => (RenameTable(v, name, r.NewName), r.NewName),
                RenameColumnAction r => (RenameColumn(v, name, r), name),
                AddColumnAction a => (AddColumn(v, name, a, ctx), name),
                DropColumnAction d => (DropColumn(v, name, d), name),
                _ => throw new SqlException(SqlStates.FeatureNotSupported, $"ALTER TABLE {action.GetType().Name} is not supported"),
            };
        }

        return (StatementResult.Command("ALTER TABLE"), v);
    }

    private static DatabaseVersion RenameTable(DatabaseVersion v, string name, string newName)
    {
        if (v.Catalog.RelationExists(newName))
        {
            throw new SqlException(SqlStates.DuplicateTable, $"relation \"{newName}\" already exists");
        }

        var table = v.Catalog.RequireTable(name);
        var indexes = v.Catalog.IndexesOf(name).ToList();
        var catalog = v.Catalog.WithoutTable(name).WithTable(table with { Name = newName });
        foreach (var index in indexes)
        {
            catalog = catalog.WithIndex(index with { Table = newName });
        }

        foreach (var other in catalog.Tables.Values.Where(t => t.ForeignKeys.Any(f => f.ReferencedTable == name)).ToList())
        {
            catalog = catalog.WithTable(other with
            {
                ForeignKeys = [.. other.ForeignKeys.Select(f => f.ReferencedTable == name ? f with { ReferencedTable = newName } : f)],
            });
        }

        var data = v.Data(name);
        return v.With(catalog, v.Tables.Remove(name).SetItem(newName, data));
    }

    private static DatabaseVersion RenameColumn(DatabaseVersion v, string name, RenameColumnAction r)
    {
        var table = v.Catalog.RequireTable(name);
        var i = table.FindColumn(r.OldName);
        if (i < 0)
        {
            throw new SqlException(SqlStates.UndefinedColumn, $"column \"{r.OldName}\" does not exist");
        }

        if (table.FindColumn(r.NewName) >= 0)
        {
            throw new SqlException(SqlStates.DuplicateColumn, $"column \"{r.NewName}\" of relation \"{name}\" already exists");
        }

        // Stored expressions name columns: CHECKs, index expressions and views follow the rename, as in
        // PostgreSQL (DEFAULTs cannot name columns).
        var columns = table.Columns.SetItem(i, table.Columns[i] with { Name = r.NewName });
        var checks = table.Checks.Select(c => c with { Expression = ColumnRename.InTableExpression(c.Expression, name, r.OldName, r.NewName) });
        var catalog = v.Catalog.WithTable(table with { Columns = columns, Checks = [.. checks] });
        foreach (var index in v.Catalog.IndexesOf(name).Where(x => !x.IsColumnIndex).ToList())
        {
            catalog = catalog.WithIndex(index with
            {
                Keys = [.. index.Keys.Select(k => k.Expression is { } e ? k with { Expression = ColumnRename.InTableExpression(e, name, r.OldName, r.NewName) } : k)],
            });
        }

        foreach (var view in v.Catalog.Views.Values)
        {
            catalog = catalog.WithView(ColumnRename.InView(view, v.Catalog, name, r.OldName, r.NewName));
        }

        return v.With(catalog, v.Tables);
    }

    private static DatabaseVersion AddColumn(DatabaseVersion v, string name, AddColumnAction a, ExecContext ctx)
    {
        var table = v.Catalog.RequireTable(name);
        if (table.FindColumn(a.Column.Name) >= 0)
        {
            if (a.IfNotExists)
            {
                return v;
            }

            throw new SqlException(SqlStates.DuplicateColumn, $"column \"{a.Column.Name}\" of relation \"{name}\" already exists");
        }

        var checks = new List<CheckDef>();
        var column = ColumnFrom(a.Column, table.Columns.Length, name, checks);
        if (a.Column.Constraints.Any(c => c is PrimaryKeyColumnConstraint))
        {
            if (table.HasPrimaryKey)
            {
                throw new SqlException(SqlStates.InvalidTableDefinition, $"multiple primary keys for table \"{name}\" are not allowed");
            }

            column = column with { NotNull = true };
        }

        var newTable = table with { Columns = table.Columns.Add(column), Checks = table.Checks.AddRange(checks) };
        var catalog = v.Catalog.WithTable(newTable);
        var version = v.With(catalog, v.Tables);
        var runtime = TableRuntime.Build(catalog, newTable, new Planner(version));
        var old = v.Data(name);
        var rows = old.Rows.ToBuilder();
        var n = table.Columns.Length;
        foreach (var (key, row) in old.Rows.Range(null, null))
        {
            var widened = new SqlValue[newTable.RowWidth];
            Array.Copy(row, widened, n);
            if (!table.HasPrimaryKey)
            {
                widened[n + 1] = row[n];
            }

            widened[n] = runtime.Defaults[n] is { } d ? d([], ctx) : SqlValue.Null;
            if (column.NotNull && widened[n].IsNull)
            {
                throw new SqlException(SqlStates.NotNullViolation, $"column \"{column.Name}\" of relation \"{name}\" contains null values");
            }

            rows.Set(key.Detached(), widened);
        }

        var added = version.With(catalog, version.Tables.SetItem(name, new TableData(rows.ToImmutable(), old.Indexes, old.NextRowId)));
        return AddColumnKeys(added, name, n, a.Column.Constraints, ctx);
    }

    private static DatabaseVersion DropColumn(DatabaseVersion v, string name, DropColumnAction d)
    {
        var table = v.Catalog.RequireTable(name);
        var i = table.FindColumn(d.Column);
        if (i < 0)
        {
            if (d.IfExists)
            {
                return v;
            }

            throw new SqlException(SqlStates.UndefinedColumn, $"column \"{d.Column}\" of relation \"{name}\" does not exist");
        }

        if (table.PrimaryKey.Contains(i) || table.ForeignKeys.Any(f => f.Columns.Contains(i)) ||
            v.Catalog.ReferencesTo(name).Any(r => r.Key.ReferencedColumns.Contains(i)))
        {
            throw new SqlException(SqlStates.DependentObjectsStillExist, $"cannot drop column {d.Column} of table {name} because other objects depend on it");
        }

        int Shift(int c) => c > i ? c - 1 : c;
        var columns = table.Columns.RemoveAt(i).Select((c, n) => c.WithOrdinal(n)).ToImmutableArray();
        var newTable = table with
        {
            Columns = columns,
            PrimaryKey = [.. table.PrimaryKey.Select(Shift)],
            ForeignKeys = [.. table.ForeignKeys.Select(f => f with { Columns = [.. f.Columns.Select(Shift)] })],
        };
        var catalog = v.Catalog.WithTable(newTable);
        var data = v.Data(name);
        foreach (var index in v.Catalog.IndexesOf(name).ToList())
        {
            if (index.UsesColumn(i) || !index.IsColumnIndex)
            {
                catalog = catalog.WithoutIndex(index.Name);
                data = data.WithoutIndex(index.Name);
            }
            else
            {
                catalog = catalog.WithIndex(index with { Keys = [.. index.Keys.Select(k => k with { Column = Shift(k.Column) })] });
            }
        }

        foreach (var (owner, fk) in v.Catalog.ReferencesTo(name).ToList())
        {
            var current = catalog.FindTable(owner.Name)!;
            catalog = catalog.WithTable(current with
            {
                ForeignKeys = [.. current.ForeignKeys.Select(f => f == fk ? f with { ReferencedColumns = [.. f.ReferencedColumns.Select(Shift)] } : f)],
            });
        }

        var rows = data.Rows.ToBuilder();
        foreach (var (key, row) in data.Rows.Range(null, null))
        {
            rows.Set(key.Detached(), [.. row.Take(i), .. row.Skip(i + 1)]);
        }

        return v.With(catalog, v.Tables.SetItem(name, new TableData(rows.ToImmutable(), data.Indexes, data.NextRowId)));
    }
}
