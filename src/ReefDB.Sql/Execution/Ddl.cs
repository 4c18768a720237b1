using System.Collections.Immutable;
using ReefDB.Sql.Catalog;
using ReefDB.Sql.Errors;
using ReefDB.Sql.Syntax;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Execution;

/// <summary>DDL and utility statements: each builds the next version (catalog and data) directly.</summary>
internal static partial class Ddl
{
    public static Executable Compile(Statement statement) => statement switch
    {
        CreateTableStatement s => new DirectExecutable((v, ctx) => CreateTable(s, v, ctx)),
        DropTableStatement s => new DirectExecutable((v, _) => DropTable(s, v)),
        CreateIndexStatement s => new DirectExecutable((v, ctx) => CreateIndex(s, v, ctx)),
        DropIndexStatement s => new DirectExecutable((v, _) => DropIndex(s, v)),
        CreateViewStatement s => new DirectExecutable((v, _) => CreateView(s, v)),
        DropViewStatement s => new DirectExecutable((v, _) => DropView(s, v)),
        AlterTableStatement s => new DirectExecutable((v, ctx) => AlterTable(s, v, ctx)),
        SetStatement => new DirectExecutable((v, _) => (StatementResult.Command("SET"), v), readOnly: true),
        ShowStatement s => new DirectExecutable((v, ctx) => Show(s, v, ctx), readOnly: true),
        _ => throw new SqlException(SqlStates.FeatureNotSupported, $"{statement.GetType().Name} is not supported"),
    };

    private static (StatementResult, DatabaseVersion) Show(ShowStatement s, DatabaseVersion v, ExecContext ctx)
    {
        var value = Functions.SessionSettings.Show(ctx.Functions, s.Name);
        return (new StatementResult("SHOW", [new ResultColumn(s.Name, SqlType.Text)], [[SqlValue.FromText(value)]], 1), v);
    }

    private static void CheckName(ObjectName name) => Binding.Binder.CheckSchema(name);

    private static DatabaseVersion WithCatalog(DatabaseVersion v, DatabaseCatalog catalog, ImmutableSortedDictionary<string, TableData>? tables = null) =>
        v.With(catalog, tables ?? v.Tables);

    private static (StatementResult, DatabaseVersion) DropTable(DropTableStatement s, DatabaseVersion v)
    {
        var catalog = v.Catalog;
        var tables = v.Tables;
        foreach (var name in s.Names)
        {
            CheckName(name);
            if (catalog.FindTable(name.Name) is null)
            {
                if (s.IfExists)
                {
                    continue;
                }

                throw new SqlException(catalog.FindView(name.Name) is null ? SqlStates.UndefinedTable : SqlStates.WrongObjectType,
                    catalog.FindView(name.Name) is null ? $"table \"{name.Name}\" does not exist" : $"\"{name.Name}\" is not a table");
            }

            foreach (var (owner, fk) in catalog.ReferencesTo(name.Name).ToList())
            {
                if (owner.Name == name.Name || s.Names.Any(n => n.Name == owner.Name))
                {
                    continue;
                }

                if (s.Behavior != DropBehavior.Cascade)
                {
                    throw new SqlException(SqlStates.DependentObjectsStillExist,
                        $"cannot drop table {name.Name} because other objects depend on it");
                }

                var current = catalog.FindTable(owner.Name)!;
                catalog = catalog.WithTable(current with { ForeignKeys = current.ForeignKeys.Remove(fk) });
            }

            catalog = catalog.WithoutTable(name.Name);
            tables = tables.Remove(name.Name);
        }

        return (StatementResult.Command("DROP TABLE"), WithCatalog(v, catalog, tables));
    }

    private static (StatementResult, DatabaseVersion) DropIndex(DropIndexStatement s, DatabaseVersion v)
    {
        var catalog = v.Catalog;
        var tables = v.Tables;
        foreach (var name in s.Names)
        {
            CheckName(name);
            var index = catalog.FindIndex(name.Name);
            if (index is null)
            {
                if (s.IfExists)
                {
                    continue;
                }

                throw new SqlException(SqlStates.UndefinedObject, $"index \"{name.Name}\" does not exist");
            }

            if (index.IsPrimaryKey)
            {
                throw new SqlException(SqlStates.DependentObjectsStillExist, $"cannot drop index {name.Name} because constraint {name.Name} on table {index.Table} requires it");
            }

            catalog = catalog.WithoutIndex(name.Name);
            tables = tables.SetItem(index.Table, tables[index.Table].WithoutIndex(name.Name));
        }

        return (StatementResult.Command("DROP INDEX"), WithCatalog(v, catalog, tables));
    }

    private static (StatementResult, DatabaseVersion) CreateView(CreateViewStatement s, DatabaseVersion v)
    {
        CheckName(s.Name);
        var name = s.Name.Name;
        if (v.Catalog.FindView(name) is not null && !s.OrReplace || v.Catalog.FindTable(name) is not null || v.Catalog.FindIndex(name) is not null)
        {
            throw new SqlException(SqlStates.DuplicateTable, $"relation \"{name}\" already exists");
        }

        var bound = new Binding.Binder(v.Catalog).BindQuery(s.Query, new Binding.Scope(null, null));
        var names = s.Columns.Count > 0 ? [.. s.Columns, .. bound.Names.Skip(s.Columns.Count)] : bound.Names;
        if (s.Columns.Count > bound.Width)
        {
            throw new SqlException(SqlStates.SyntaxError, "CREATE VIEW specifies more column names than columns");
        }

        if (names.Distinct().Count() != names.Length)
        {
            throw new SqlException(SqlStates.DuplicateColumn, "column specified more than once in view");
        }

        var view = new ViewDef(name, s.SourceText, names);
        return (StatementResult.Command("CREATE VIEW"), WithCatalog(v, v.Catalog.WithView(view)));
    }

    private static (StatementResult, DatabaseVersion) DropView(DropViewStatement s, DatabaseVersion v)
    {
        var catalog = v.Catalog;
        foreach (var name in s.Names)
        {
            CheckName(name);
            if (catalog.FindView(name.Name) is null)
            {
                if (s.IfExists)
                {
                    continue;
                }

                throw new SqlException(SqlStates.UndefinedTable, $"view \"{name.Name}\" does not exist");
            }

            catalog = catalog.WithoutView(name.Name);
        }

        return (StatementResult.Command("DROP VIEW"), WithCatalog(v, catalog));
    }
}
