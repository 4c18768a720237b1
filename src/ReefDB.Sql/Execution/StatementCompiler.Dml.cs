using System.Collections.Immutable;
using ReefDB.Sql.Binding;
using ReefDB.Sql.Errors;
using ReefDB.Sql.Planning;
using ReefDB.Sql.Syntax;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Execution;

internal static partial class StatementCompiler
{
    private static InsertExecutable CompileInsert(InsertStatement s, DatabaseVersion version)
    {
        var table = TargetTable(s.Table, version, "insert into");
        var binder = new Binder(version.Catalog);
        var planner = new Planner(version);
        var targets = s.Columns.Count == 0
            ? Enumerable.Range(0, table.Columns.Length).ToArray()
            : s.Columns.Select(c => table.FindColumn(c) is var i and >= 0 ? i
                : throw new SqlException(SqlStates.UndefinedColumn, $"column \"{c}\" of relation \"{table.Name}\" does not exist")).ToArray();
        if (targets.Distinct().Count() != targets.Length)
        {
            throw new SqlException(SqlStates.DuplicateColumn, "column specified more than once");
        }

        var emptyEnv = new CompileEnv(Layout.Empty, 0, ImmutableDictionary<int, Layout>.Empty, planner);
        Evaluator?[][]? values = null;
        Planning.Nodes.PlanNode? source = null;
        if (s.Source is null)
        {
            targets = [];
            values = [[]];
        }
        else if (s.Source is { Body: ValuesExpression v, OrderBy.Count: 0, Limit: null, Offset: null, With: null })
        {
            var cx = new ExprContext(new Scope(null, null), false, "VALUES");
            values = v.Rows.Select(row =>
            {
                if (row.Count > targets.Length)
                {
                    throw new SqlException(SqlStates.SyntaxError, "INSERT has more expressions than target columns");
                }

                if (row.Count < targets.Length && s.Columns.Count > 0)
                {
                    throw new SqlException(SqlStates.SyntaxError, "INSERT has more target columns than expressions");
                }

                return row.Select((e, i) => e is DefaultExpression
                    ? null
                    : ExpressionCompiler.Compile(binder.Coerce(binder.BindExpression(e, cx), table.Columns[targets[i]].Type, $"column \"{table.Columns[targets[i]].Name}\"", assignment: true), emptyEnv))
                    .ToArray();
            }).ToArray();
            if (s.Columns.Count == 0)
            {
                targets = targets[..v.Rows[0].Count];
            }
        }
        else
        {
            var bound = binder.BindQuery(s.Source, new Scope(null, null));
            if (bound.Width > targets.Length)
            {
                throw new SqlException(SqlStates.SyntaxError, "INSERT has more expressions than target columns");
            }

            targets = targets[..bound.Width];
            bound = binder.ConvertTo(bound, targets.Select(t => table.Columns[t].Type).ToList(), assignment: true);
            source = planner.PlanQuery(bound, ImmutableDictionary<int, Layout>.Empty);
        }

        var runtime = TableRuntime.Build(version.Catalog, table, planner);
        var scope = new Scope(null, null);
        var target = binder.TableVariable(table, s.Alias ?? table.Name);
        scope.Add(target);
        var layout = Layout.ForSource(target.SourceId, table.RowWidth);
        var conflict = s.OnConflict is null ? null : CompileConflict(s.OnConflict, table, binder, scope, target, planner, version);
        var (returning, columns) = CompileReturning(s.Returning, binder, scope, new CompileEnv(layout, 0, ImmutableDictionary<int, Layout>.Empty, planner));
        return new InsertExecutable(runtime, targets, values, source, conflict, returning, columns)
        {
            StatisticsTables = [.. version.Catalog.Tables.Keys], StatisticsProbes = planner.Statistics.Probes, ParameterTypes = binder.ParameterTypes,
        };
    }

    private static ConflictAction CompileConflict(OnConflictClause c, Catalog.TableDef table, Binder binder, Scope scope, RangeVariable target, Planner planner, DatabaseVersion version)
    {
        var uniques = version.Catalog.IndexesOf(table.Name).Where(i => i.Unique).ToList();
        List<Catalog.IndexDef> arbiters;
        if (c.ConstraintName is { } name)
        {
            arbiters = uniques.Where(i => i.Name == name).ToList();
            if (arbiters.Count == 0)
            {
                throw new SqlException(SqlStates.UndefinedObject, $"constraint \"{name}\" for table \"{table.Name}\" does not exist");
            }
        }
        else if (c.TargetColumns.Count > 0)
        {
            var columns = c.TargetColumns.Select(n => table.FindColumn(n)).ToHashSet();
            arbiters = uniques.Where(i => i.IsColumnIndex && i.Keys.Select(k => k.Column).ToHashSet().SetEquals(columns)).ToList();
            if (arbiters.Count == 0)
            {
                throw new SqlException(SqlStates.InvalidColumnReference, "there is no unique or exclusion constraint matching the ON CONFLICT specification");
            }
        }
        else
        {
            if (c.Action == OnConflictAction.DoUpdate)
            {
                throw new SqlException(SqlStates.SyntaxError, "ON CONFLICT DO UPDATE requires inference specification or constraint name");
            }

            arbiters = uniques;
        }

        if (c.Action == OnConflictAction.DoNothing)
        {
            return new ConflictAction(arbiters, false, [], null);
        }

        var excluded = binder.TableVariable(table, "excluded");
        scope.Add(excluded);
        var layout = Layout.Concat(Layout.ForSource(target.SourceId, table.RowWidth), Layout.ForSource(excluded.SourceId, table.RowWidth));
        var env = new CompileEnv(layout, 0, ImmutableDictionary<int, Layout>.Empty, planner);
        var set = CompileSet(c.Set, table, binder, scope, env);
        var where = c.Where is null ? null : ExpressionCompiler.CompilePredicate(binder.BindCondition(c.Where, new ExprContext(scope, false, "WHERE")), env);
        scope.Variables.Remove(excluded);
        return new ConflictAction(arbiters, true, set, where);
    }

    private static (int, Evaluator)[] CompileSet(IReadOnlyList<SetClause> clauses, Catalog.TableDef table, Binder binder, Scope scope, CompileEnv env)
    {
        var cx = new ExprContext(scope, false, "UPDATE");
        var seen = new HashSet<int>();
        return clauses.Select(sc =>
        {
            var column = table.FindColumn(sc.Column);
            if (column < 0)
            {
                throw new SqlException(SqlStates.UndefinedColumn, $"column \"{sc.Column}\" of relation \"{table.Name}\" does not exist");
            }

            if (!seen.Add(column))
            {
                throw new SqlException(SqlStates.SyntaxError, $"multiple assignments to same column \"{sc.Column}\"");
            }

            var type = table.Columns[column].Type;
            BoundExpr value = sc.Value is DefaultExpression
                ? (table.Columns[column].Default is { } d
                    ? binder.Coerce(binder.BindExpression(d.Syntax, new ExprContext(new Scope(null, null), false, "DEFAULT")), type, "DEFAULT", assignment: true)
                    : new BoundConstant(SqlValue.Null, type))
                : binder.Coerce(binder.BindExpression(sc.Value, cx), type, $"column \"{sc.Column}\"", assignment: true);
            return (column, ExpressionCompiler.Compile(value, env));
        }).ToArray();
    }

    private static ModifyExecutable CompileUpdate(UpdateStatement s, DatabaseVersion version) =>
        CompileModify(s.Table, s.Alias, s.From, s.Where, s.Returning, s.Set, version, "update");

    private static ModifyExecutable CompileDelete(DeleteStatement s, DatabaseVersion version) =>
        CompileModify(s.Table, s.Alias, s.Using, s.Where, s.Returning, null, version, "delete from");

    private static ModifyExecutable CompileModify(ObjectName name, string? alias, IReadOnlyList<TableReference> from, Expression? whereSyntax,
        IReadOnlyList<SelectItem> returningItems, IReadOnlyList<SetClause>? setClauses, DatabaseVersion version, string verb)
    {
        var table = TargetTable(name, version, verb);
        var binder = new Binder(version.Catalog);
        var planner = new Planner(version);
        var scope = new Scope(null, null);
        var target = binder.TableVariable(table, alias ?? table.Name);
        scope.Add(target);
        BoundFrom boundFrom = new BoundTableRef(target, table);
        if (binder.BindFromList(from, scope) is { } others)
        {
            boundFrom = new BoundJoin(JoinKind.Cross, boundFrom, others, null);
        }

        var where = whereSyntax is null ? null : binder.BindCondition(whereSyntax, new ExprContext(scope, false, "WHERE"));
        var plan = planner.PlanRows(boundFrom, where);
        var env = new CompileEnv(plan.Layout, 0, ImmutableDictionary<int, Layout>.Empty, planner);
        var set = setClauses is null ? null : CompileSet(setClauses, table, binder, scope, env);
        var (returning, columns) = CompileReturning(returningItems, binder, scope, env);
        var offset = plan.Layout.IndexOf(new ColumnId(target.SourceId, 0));
        var runtime = TableRuntime.Build(version.Catalog, table, planner);
        return new ModifyExecutable(runtime, plan, offset, set, returning, columns)
        {
            StatisticsTables = [.. version.Catalog.Tables.Keys], StatisticsProbes = planner.Statistics.Probes, ParameterTypes = binder.ParameterTypes,
        };
    }
}
