using ReefDB.Sql.Binding;
using ReefDB.Sql.Errors;
using ReefDB.Sql.Syntax;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Planning;

/// <summary>
/// Turns bound expressions into <see cref="Evaluator"/> closures once per plan. NULL handling follows
/// SQL's three-valued logic: comparisons with NULL are NULL, AND/OR/NOT use the Kleene tables.
/// </summary>
internal static partial class ExpressionCompiler
{
    public static Evaluator Compile(BoundExpr e, CompileEnv env)
    {
        switch (e)
        {
            case BoundColumn c:
                return CompileColumn(c, env);
            case BoundConstant k:
                var value = k.Value;
                return (_, _) => value;
            case BoundParameter p:
                return CompileParameter(p);
            case BoundComparison c:
                return CompileComparison(c, env);
            case BoundLogical l:
                return CompileLogical(l, env);
            case BoundNot n:
                var operand = Compile(n.Operand, env);
                return (row, ctx) => operand(row, ctx) is { IsNull: false } v ? SqlValue.FromBoolean(!v.AsBoolean) : SqlValue.Null;
            case BoundUnary u:
                var uo = Compile(u.Operand, env);
                var uf = u.Implementation;
                return (row, ctx) => uf(uo(row, ctx));
            case BoundBinary b:
                var bl = Compile(b.Left, env);
                var br = Compile(b.Right, env);
                var bf = b.Implementation;
                return (row, ctx) => bf(bl(row, ctx), br(row, ctx));
            case BoundCall call:
                return CompileCall(call, env);
            case BoundCast c:
                var co = Compile(c.Operand, env);
                var convert = c.Convert;
                return (row, ctx) => convert(co(row, ctx));
            case BoundCase c:
                return CompileCase(c, env);
            case BoundCoalesce c:
                var items = c.Arguments.Select(a => Compile(a, env)).ToArray();
                return (row, ctx) =>
                {
                    foreach (var item in items)
                    {
                        var v = item(row, ctx);
                        if (!v.IsNull)
                        {
                            return v;
                        }
                    }

                    return SqlValue.Null;
                };
            case BoundIsNull n:
                var inner = Compile(n.Operand, env);
                var negated = n.Negated;
                return (row, ctx) => SqlValue.FromBoolean(inner(row, ctx).IsNull != negated);
            case BoundIsDistinct d:
                var dl = Compile(d.Left, env);
                var dr = Compile(d.Right, env);
                var dn = d.Negated;
                return (row, ctx) => SqlValue.FromBoolean(!SqlValue.Compare(dl(row, ctx), dr(row, ctx)).Equals(0) != dn);
            case BoundIsTruth t:
                return CompileIsTruth(t, env);
            case BoundInList i:
                return CompileInList(i, env);
            case BoundSubquery s:
                return SubqueryEvaluator.Compile(s, env);
            case BoundBm25 r:
                return Bm25Evaluator.Compile(r, r.Children.Select(a => Compile(a, env)).ToArray());
            default:
                throw new SqlException(SqlStates.InternalError, $"cannot compile {e.GetType().Name} here");
        }
    }

    /// <summary>Compiles a predicate into a test that is true only when the value is TRUE (not NULL).</summary>
    public static Func<SqlValue[], Execution.ExecContext, bool> CompilePredicate(BoundExpr e, CompileEnv env)
    {
        var eval = Compile(e, env);
        return (row, ctx) => eval(row, ctx) is { IsNull: false } v && v.AsBoolean;
    }

    private static Evaluator CompileColumn(BoundColumn c, CompileEnv env)
    {
        var pos = env.Layout.IndexOf(c.Id);
        if (pos >= 0)
        {
            return (row, _) => row[pos];
        }

        if (env.Outer.TryGetValue(c.Level, out var outer) && outer.IndexOf(c.Id) is var opos and >= 0)
        {
            var level = c.Level;
            return (_, ctx) => ctx.Frame(level)[opos];
        }

        throw new SqlException(SqlStates.InternalError, $"column {c.Name} is not available here");
    }

    private static Evaluator CompileParameter(BoundParameter p)
    {
        var index = p.Index;
        var type = p.Type;
        return (_, ctx) =>
        {
            if (index >= ctx.Parameters.Count)
            {
                throw new SqlException(SqlStates.UndefinedParameter, $"there is no parameter ${index + 1}");
            }

            var v = ctx.Parameters[index];
            return v.IsNull || type.Kind == SqlTypeKind.Unknown || v.Kind == type.ValueKind && type.Length is null && type.Precision is null
                ? v
                : SqlOps.CastValue(v, type);
        };
    }

    /// <summary>Whether a three-way comparison result (negative, zero, positive) satisfies <paramref name="op"/>.</summary>
    internal static Func<int, bool> ComparisonTest(BinaryOperator op) => op switch
    {
        BinaryOperator.Equal => x => x == 0,
        BinaryOperator.NotEqual => x => x != 0,
        BinaryOperator.Less => x => x < 0,
        BinaryOperator.LessOrEqual => x => x <= 0,
        BinaryOperator.Greater => x => x > 0,
        _ => x => x >= 0,
    };

    private static Evaluator CompileComparison(BoundComparison c, CompileEnv env)
    {
        var l = Compile(c.Left, env);
        var r = Compile(c.Right, env);
        var test = ComparisonTest(c.Operator);
        if (c.Operator == BinaryOperator.Equal)
        {
            return (row, ctx) =>
            {
                var a = l(row, ctx);
                var b = r(row, ctx);
                return a.IsNull || b.IsNull ? SqlValue.Null : SqlValue.FromBoolean(SqlValue.Compare(a, b) == 0);
            };
        }

        return (row, ctx) =>
        {
            var a = l(row, ctx);
            var b = r(row, ctx);
            return a.IsNull || b.IsNull ? SqlValue.Null : SqlValue.FromBoolean(test(SqlValue.Compare(a, b)));
        };
    }

    private static Evaluator CompileLogical(BoundLogical l, CompileEnv env)
    {
        var operands = l.Operands.Select(o => Compile(o, env)).ToArray();
        var decisive = !l.IsAnd;
        return (row, ctx) =>
        {
            var sawNull = false;
            foreach (var operand in operands)
            {
                var v = operand(row, ctx);
                if (v.IsNull)
                {
                    sawNull = true;
                }
                else if (v.AsBoolean == decisive)
                {
                    return SqlValue.FromBoolean(decisive);
                }
            }

            return sawNull ? SqlValue.Null : SqlValue.FromBoolean(!decisive);
        };
    }
}
