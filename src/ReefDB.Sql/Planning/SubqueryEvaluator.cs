using ReefDB.Sql.Binding;
using ReefDB.Sql.Errors;
using ReefDB.Sql.Execution;
using ReefDB.Sql.Planning.Nodes;
using ReefDB.Sql.Syntax;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Planning;

/// <summary>
/// Evaluates subquery expressions. An uncorrelated subquery runs once per statement execution and its
/// result is cached in the context; a correlated one runs per outer row, with the outer row published
/// in the context's frame of the outer level (restored afterwards, so nesting is safe).
/// </summary>
internal static class SubqueryEvaluator
{
    public static Evaluator Compile(BoundSubquery s, CompileEnv env)
    {
        var plan = env.Planner.PlanQuery(s.Query, env.OuterForSubquery);
        var level = env.Level;
        var id = s.Id;
        var correlated = s.IsCorrelated;
        var left = s.Left is null ? null : ExpressionCompiler.Compile(s.Left, env);
        var test = ExpressionCompiler.ComparisonTest(s.Operator);

        switch (s.Kind)
        {
            case SubqueryKind.Scalar:
                return (row, ctx) =>
                {
                    if (!correlated && ctx.SubqueryCache.TryGetValue(id, out var cached))
                    {
                        return (SqlValue)cached;
                    }

                    var result = Run(plan, row, ctx, level, correlated, ScalarOf);
                    if (!correlated)
                    {
                        ctx.SubqueryCache[id] = result;
                    }

                    return result;
                };
            case SubqueryKind.Exists:
                return (row, ctx) =>
                {
                    if (!correlated && ctx.SubqueryCache.TryGetValue(id, out var cached))
                    {
                        return (SqlValue)cached;
                    }

                    var result = SqlValue.FromBoolean(Run(plan, row, ctx, level, correlated, rows => rows.Any()));
                    if (!correlated)
                    {
                        ctx.SubqueryCache[id] = result;
                    }

                    return result;
                };
            default:
                var any = s.Kind == SubqueryKind.Any;
                var equalityAny = any && s.Operator == BinaryOperator.Equal || !any && s.Operator == BinaryOperator.NotEqual;
                return (row, ctx) =>
                {
                    var v = left!(row, ctx);
                    if (!correlated && equalityAny)
                    {
                        if (!ctx.SubqueryCache.TryGetValue(id, out var cached))
                        {
                            cached = Run(plan, row, ctx, level, false, rows => ValueSet.From(rows));
                            ctx.SubqueryCache[id] = cached;
                        }

                        var set = (ValueSet)cached;
                        if (set.Count == 0)
                        {
                            return SqlValue.FromBoolean(!any);
                        }

                        if (v.IsNull)
                        {
                            return SqlValue.Null;
                        }

                        if (set.Values.Contains(v))
                        {
                            return SqlValue.FromBoolean(any);
                        }

                        return set.HasNull ? SqlValue.Null : SqlValue.FromBoolean(!any);
                    }

                    return Run(plan, row, ctx, level, correlated, rows => Quantified(v, rows, any, test));
                };
        }
    }

    private static T Run<T>(PlanNode plan, SqlValue[] row, ExecContext ctx, int level, bool correlated, Func<IEnumerable<SqlValue[]>, T> consume)
    {
        if (!correlated)
        {
            return consume(plan.Execute(ctx));
        }

        var previous = ctx.SetFrame(level, row);
        try
        {
            return consume(plan.Execute(ctx));
        }
        finally
        {
            ctx.SetFrame(level, previous);
        }
    }

    private static SqlValue ScalarOf(IEnumerable<SqlValue[]> rows)
    {
        var result = SqlValue.Null;
        var count = 0;
        foreach (var r in rows)
        {
            if (++count > 1)
            {
                throw new SqlException(SqlStates.CardinalityViolation, "more than one row returned by a subquery used as an expression");
            }

            result = r[0];
        }

        return result;
    }

    private static SqlValue Quantified(SqlValue v, IEnumerable<SqlValue[]> rows, bool any, Func<int, bool> test)
    {
        var sawNull = false;
        var sawRow = false;
        foreach (var r in rows)
        {
            sawRow = true;
            var x = r[0];
            if (v.IsNull || x.IsNull)
            {
                sawNull = true;
                continue;
            }

            var holds = test(SqlValue.Compare(v, x));
            if (holds == any)
            {
                return SqlValue.FromBoolean(any);
            }
        }

        if (!sawRow)
        {
            return SqlValue.FromBoolean(!any);
        }

        return sawNull ? SqlValue.Null : SqlValue.FromBoolean(!any);
    }

    private sealed class ValueSet
    {
        public HashSet<SqlValue> Values { get; } = [];

        public bool HasNull { get; private set; }

        public int Count { get; private set; }

        public static ValueSet From(IEnumerable<SqlValue[]> rows)
        {
            var set = new ValueSet();
            foreach (var r in rows)
            {
                set.Count++;
                if (r[0].IsNull)
                {
                    set.HasNull = true;
                }
                else
                {
                    set.Values.Add(r[0]);
                }
            }

            return set;
        }
    }
}
