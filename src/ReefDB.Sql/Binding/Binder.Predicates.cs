using System.Collections.Immutable;
using ReefDB.Sql.Syntax;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Binding;

internal sealed partial class Binder
{
    private BoundExpr BindCase(CaseExpression c, ExprContext cx)
    {
        var operand = c.Operand is null ? null : BindExpression(c.Operand, cx);
        var conditions = new List<BoundExpr>();
        var results = new List<BoundExpr>();
        foreach (var arm in c.WhenClauses)
        {
            if (operand is null)
            {
                conditions.Add(BindCondition(arm.Condition, cx));
            }
            else
            {
                conditions.Add(BindBinaryOperator(BinaryOperator.Equal, operand, BindExpression(arm.Condition, cx)));
            }

            results.Add(BindExpression(arm.Result, cx));
        }

        if (c.Else is not null)
        {
            results.Add(BindExpression(c.Else, cx));
        }

        var unified = Unify(results, "CASE");
        var arms = conditions.Select((w, i) => (w, unified[i])).ToImmutableArray();
        var elseExpr = c.Else is null ? null : unified[^1];
        return new BoundCase(arms, elseExpr, unified[0].Type);
    }

    private BoundIsDistinct BindIsDistinct(IsDistinctFromExpression d, ExprContext cx)
    {
        var (l, r) = UnifyForComparison(BindExpression(d.Left, cx), BindExpression(d.Right, cx), "IS DISTINCT FROM");
        return new BoundIsDistinct(l, r, d.Negated);
    }

    private BoundExpr BindBetween(BetweenExpression b, ExprContext cx)
    {
        var value = BindExpression(b.Value, cx);
        var low = BindExpression(b.Low, cx);
        var high = BindExpression(b.High, cx);
        BoundExpr range = new BoundLogical(true, [
            BindBinaryOperator(BinaryOperator.GreaterOrEqual, value, low),
            BindBinaryOperator(BinaryOperator.LessOrEqual, value, high)]);
        if (b.Symmetric)
        {
            range = new BoundLogical(false, [range, new BoundLogical(true, [
                BindBinaryOperator(BinaryOperator.GreaterOrEqual, value, high),
                BindBinaryOperator(BinaryOperator.LessOrEqual, value, low)])]);
        }

        return b.Negated ? new BoundNot(range) : range;
    }

    private BoundExpr BindInList(InListExpression e, ExprContext cx)
    {
        var value = BindExpression(e.Value, cx);
        if (e.Items.Count == 0)
        {
            // No element can equal the value, NULL or not (SQLite's reading of an empty list).
            return new BoundConstant(SqlValue.FromBoolean(e.Negated), SqlType.Boolean);
        }

        var items = e.Items.Select(i => BindExpression(i, cx)).ToList();
        var all = Unify([value, .. items], "IN");
        return new BoundInList(all[0], [.. all.Skip(1)], e.Negated);
    }

    private BoundExpr BindLike(LikeExpression l, ExprContext cx)
    {
        var value = Coerce(BindExpression(l.Value, cx), SqlType.Text, "LIKE");
        var pattern = Coerce(BindExpression(l.Pattern, cx), SqlType.Text, "LIKE");
        var args = ImmutableArray.Create(value, pattern);
        if (l.Escape is not null)
        {
            args = args.Add(Coerce(BindExpression(l.Escape, cx), SqlType.Text, "LIKE"));
        }

        var fn = SqlOps.Like(l.Kind, args.Length == 3);
        BoundExpr call = new BoundCall(l.Kind == LikeKind.ILike ? "~~*" : "~~", fn, args, SqlType.Boolean);
        return l.Negated ? new BoundNot(call) : call;
    }

    private BoundExpr BindCurrentValue(CurrentValueExpression v) => v.Kind switch
    {
        CurrentValueKind.CurrentDate => CurrentValueCall("current_date"),
        CurrentValueKind.CurrentTimestamp => CurrentValueCall("current_timestamp"),
        CurrentValueKind.LocalTimestamp => CurrentValueCall("localtimestamp"),
        CurrentValueKind.CurrentUser or CurrentValueKind.SessionUser =>
            new BoundConstant(SqlValue.FromText("reefdb"), SqlType.Text),
        _ => throw new Errors.SqlException(Errors.SqlStates.FeatureNotSupported, $"{v.Kind} is not supported"),
    };

    private static BoundCall CurrentValueCall(string name)
    {
        var resolved = Functions.FunctionRegistry.Resolve(name, []);
        return new BoundCall(name, resolved.Invoke, [], resolved.ResultType);
    }
}
