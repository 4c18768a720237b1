using ReefDB.Sql.Binding;
using ReefDB.Sql.Syntax;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Planning;

internal static partial class ExpressionCompiler
{
    private static Evaluator CompileCall(BoundCall call, CompileEnv env)
    {
        var args = call.Arguments.Select(a => Compile(a, env)).ToArray();
        var fn = call.Implementation;
        if (args.Length == 0)
        {
            return (_, ctx) => fn([], ctx.Functions);
        }

        return (row, ctx) =>
        {
            var values = new SqlValue[args.Length];
            for (var i = 0; i < args.Length; i++)
            {
                values[i] = args[i](row, ctx);
            }

            return fn(values, ctx.Functions);
        };
    }

    private static Evaluator CompileCase(BoundCase c, CompileEnv env)
    {
        var whens = c.Arms.Select(a => CompilePredicate(a.When, env)).ToArray();
        var thens = c.Arms.Select(a => Compile(a.Then, env)).ToArray();
        var otherwise = c.Else is null ? null : Compile(c.Else, env);
        return (row, ctx) =>
        {
            for (var i = 0; i < whens.Length; i++)
            {
                if (whens[i](row, ctx))
                {
                    return thens[i](row, ctx);
                }
            }

            return otherwise is null ? SqlValue.Null : otherwise(row, ctx);
        };
    }

    private static Evaluator CompileIsTruth(BoundIsTruth t, CompileEnv env)
    {
        var operand = Compile(t.Operand, env);
        var wanted = t.Value;
        var negated = t.Negated;
        return (row, ctx) =>
        {
            var v = operand(row, ctx);
            var result = wanted switch
            {
                TruthValue.True => !v.IsNull && v.AsBoolean,
                TruthValue.False => !v.IsNull && !v.AsBoolean,
                _ => v.IsNull,
            };
            return SqlValue.FromBoolean(result != negated);
        };
    }

    private static Evaluator CompileInList(BoundInList i, CompileEnv env)
    {
        var value = Compile(i.Value, env);
        var negated = i.Negated;
        if (i.Items.All(x => x is BoundConstant))
        {
            var constants = i.Items.Select(x => ((BoundConstant)x).Value).ToList();
            var hasNull = constants.Any(v => v.IsNull);
            var set = constants.Where(v => !v.IsNull).ToHashSet();
            return (row, ctx) =>
            {
                var v = value(row, ctx);
                if (v.IsNull)
                {
                    return SqlValue.Null;
                }

                if (set.Contains(v))
                {
                    return SqlValue.FromBoolean(!negated);
                }

                return hasNull ? SqlValue.Null : SqlValue.FromBoolean(negated);
            };
        }

        var items = i.Items.Select(x => Compile(x, env)).ToArray();
        return (row, ctx) =>
        {
            var v = value(row, ctx);
            if (v.IsNull)
            {
                return SqlValue.Null;
            }

            var sawNull = false;
            foreach (var item in items)
            {
                var x = item(row, ctx);
                if (x.IsNull)
                {
                    sawNull = true;
                }
                else if (SqlValue.Compare(v, x) == 0)
                {
                    return SqlValue.FromBoolean(!negated);
                }
            }

            return sawNull ? SqlValue.Null : SqlValue.FromBoolean(negated);
        };
    }
}
