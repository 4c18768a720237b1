using System.Collections.Immutable;
using ReefDB.Sql.Binding;
using ReefDB.Sql.Errors;
using ReefDB.Sql.Planning;
using ReefDB.Sql.Syntax;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Execution;

/// <summary>Binds and plans one statement against one version's catalog and statistics.</summary>
internal static partial class StatementCompiler
{
    public static Executable Compile(Statement statement, DatabaseVersion version) => statement switch
    {
        SelectStatement s => CompileQuery(s.Query, version),
        InsertStatement i => CompileInsert(i, version),
        UpdateStatement u => CompileUpdate(u, version),
        DeleteStatement d => CompileDelete(d, version),
        ExplainStatement e => CompileExplain(e, version),
        _ => Ddl.Compile(statement),
    };

    private static QueryExecutable CompileQuery(Query query, DatabaseVersion version)
    {
        var binder = new Binder(version.Catalog);
        var bound = binder.BindQuery(query, new Scope(null, null));
        var planner = new Planner(version);
        var plan = planner.PlanQuery(bound, ImmutableDictionary<int, Layout>.Empty);
        var columns = bound.Names.Zip(bound.Types, (n, t) => new ResultColumn(n, t.Kind == SqlTypeKind.Unknown ? SqlType.Text : t)).ToList();
        return new QueryExecutable(plan, columns)
        {
            StatisticsTables = [.. version.Catalog.Tables.Keys], StatisticsProbes = planner.Statistics.Probes, ParameterTypes = binder.ParameterTypes,
        };
    }

    private static ExplainExecutable CompileExplain(ExplainStatement e, DatabaseVersion version)
    {
        var inner = Compile(e.Statement, version);
        var lines = new List<string>();
        switch (inner)
        {
            case QueryExecutable q:
                q.Plan.Explain(lines);
                break;
            case ModifyExecutable m:
                lines.Add(m.IsDelete ? "Delete" : "Update");
                m.Plan.Explain(lines, 1);
                break;
            case InsertExecutable:
                lines.Add("Insert");
                break;
            default:
                lines.Add("Utility Statement");
                break;
        }

        return new ExplainExecutable(lines) { ParameterTypes = inner.ParameterTypes };
    }

    private static Catalog.TableDef TargetTable(ObjectName name, DatabaseVersion version, string verb)
    {
        Binder.CheckSchema(name);
        if (version.Catalog.FindView(name.Name) is not null)
        {
            throw new SqlException(SqlStates.WrongObjectType, $"cannot {verb} view \"{name.Name}\"");
        }

        return version.Catalog.FindTable(name.Name)
            ?? throw new SqlException(SqlStates.UndefinedTable, $"relation \"{name.Name}\" does not exist", name.Position);
    }

    private static (Evaluator[]?, IReadOnlyList<ResultColumn>?) CompileReturning(
        IReadOnlyList<SelectItem> items, Binder binder, Scope scope, CompileEnv env)
    {
        if (items.Count == 0)
        {
            return (null, null);
        }

        var cx = new ExprContext(scope, false, "RETURNING");
        var exprs = new List<BoundExpr>();
        var names = new List<string>();
        foreach (var item in items)
        {
            if (item is StarSelectItem star)
            {
                foreach (var v in scope.Variables.Where(v => star.Table is null || v.Alias == star.Table))
                {
                    for (var i = 0; i < v.ColumnNames.Length; i++)
                    {
                        exprs.Add(new BoundColumn(new ColumnId(v.SourceId, i), scope.Level, v.ColumnTypes[i], v.ColumnNames[i]));
                        names.Add(v.ColumnNames[i]);
                    }
                }
            }
            else if (item is ExpressionSelectItem e)
            {
                var bound = binder.BindExpression(e.Expression, cx);
                exprs.Add(bound.Type.Kind == SqlTypeKind.Unknown ? binder.Coerce(bound, SqlType.Text, "RETURNING") : bound);
                names.Add(e.Alias ?? Binder.DeriveName(e.Expression));
            }
        }

        return (exprs.Select(x => ExpressionCompiler.Compile(x, env)).ToArray(),
            exprs.Zip(names, (x, n) => new ResultColumn(n, x.Type)).ToList());
    }
}
