using System.Collections.Immutable;
using ReefDB.Sql.Binding;
using ReefDB.Sql.Catalog;
using ReefDB.Sql.Planning;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Execution;

/// <summary>
/// A table's constraints and index keys compiled against its row layout: what every write to the table
/// evaluates per row. Built from the catalog for one statement (cheap; cached with the statement's plan).
/// </summary>
internal sealed class TableRuntime
{
    private TableRuntime(TableDef table, Evaluator?[] defaults, (string Name, Func<SqlValue[], ExecContext, SqlValue> Check)[] checks, ImmutableArray<IndexRuntime> indexes)
    {
        Table = table;
        Defaults = defaults;
        Checks = checks;
        Indexes = indexes;
    }

    public TableDef Table { get; }

    /// <summary>Default per column (null: NULL).</summary>
    public Evaluator?[] Defaults { get; }

    public (string Name, Func<SqlValue[], ExecContext, SqlValue> Check)[] Checks { get; }

    /// <summary>Secondary indexes (the primary key is the row tree itself).</summary>
    public ImmutableArray<IndexRuntime> Indexes { get; }

    public static TableRuntime Build(DatabaseCatalog catalog, TableDef table, Planner planner)
    {
        var binder = new Binder(catalog);
        var scope = new Scope(null, null);
        var variable = binder.TableVariable(table, table.Name);
        scope.Add(variable);
        var layout = Layout.ForSource(variable.SourceId, table.RowWidth);
        var env = new CompileEnv(layout, 0, ImmutableDictionary<int, Layout>.Empty, planner);
        var emptyEnv = new CompileEnv(Layout.Empty, 0, ImmutableDictionary<int, Layout>.Empty, planner);
        var cx = new ExprContext(scope, false, "CHECK constraint");
        var defaults = table.Columns.Select(c => c.Default is null
            ? null
            : ExpressionCompiler.Compile(
                binder.Coerce(binder.BindExpression(c.Default.Syntax, new ExprContext(new Scope(null, null), false, "DEFAULT")), c.Type, "DEFAULT", assignment: true),
                emptyEnv)).ToArray();
        var checks = table.Checks.Select(c =>
        {
            var eval = ExpressionCompiler.Compile(binder.BindCondition(c.Expression.Syntax, cx), env);
            return (c.Name, (Func<SqlValue[], ExecContext, SqlValue>)((row, ctx) => eval(row, ctx)));
        }).ToArray();
        var indexes = catalog.IndexesOf(table.Name).Where(i => !i.IsPrimaryKey).Select(i =>
        {
            var parts = i.Keys.Select(k => k.IsColumn
                ? (Evaluator)((row, _) => row[k.Column])
                : ExpressionCompiler.Compile(binder.BindExpression(k.Expression!.Syntax, new ExprContext(scope, false, "index expression")), env)).ToArray();
            return new IndexRuntime(i, parts);
        }).ToImmutableArray();
        return new TableRuntime(table, defaults, checks, indexes);
    }
}

/// <summary>An index and the evaluators of its key parts over a stored row.</summary>
internal sealed record IndexRuntime(IndexDef Index, Evaluator[] Parts)
{
    public SqlValue[] KeyParts(SqlValue[] row, ExecContext ctx)
    {
        var key = new SqlValue[Parts.Length];
        for (var i = 0; i < key.Length; i++)
        {
            key[i] = Parts[i](row, ctx);
        }

        return key;
    }
}
