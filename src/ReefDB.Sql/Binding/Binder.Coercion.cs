using ReefDB.Sql.Errors;
using ReefDB.Sql.Syntax;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Binding;

internal sealed partial class Binder
{
    /// <summary>
    /// Converts <paramref name="e"/> to <paramref name="target"/> where PostgreSQL would do so implicitly
    /// (or by assignment when <paramref name="assignment"/>): unknown literals and parameters take the type,
    /// numbers widen. Anything else is 42804.
    /// </summary>
    public BoundExpr Coerce(BoundExpr e, SqlType target, string what, bool assignment = false)
    {
        if (target.Kind == SqlTypeKind.Unknown || SameType(e.Type, target))
        {
            return e;
        }

        switch (e)
        {
            case BoundConstant { Value.IsNull: true }:
                return new BoundConstant(SqlValue.Null, target);
            case BoundConstant c when c.Type.Kind == SqlTypeKind.Unknown:
                return new BoundConstant(SqlOps.ExplicitCast(SqlType.Text, target)(c.Value), target);
            case BoundParameter p when p.Type.Kind == SqlTypeKind.Unknown:
                NoteParameter(p.Index, target);
                return new BoundParameter(p.Index, target);
        }

        if (e.Type.Kind == SqlTypeKind.Unknown)
        {
            return new BoundCast(e, SqlOps.ExplicitCast(SqlType.Text, target), target);
        }

        var convert = assignment ? SqlOps.AssignmentCast(e.Type, target) : SqlOps.ImplicitCast(e.Type, target);
        if (convert is null)
        {
            throw new SqlException(
                SqlStates.DatatypeMismatch,
                $"{what}: expression is of type {e.Type.Name} but {target.Name} was expected");
        }

        return e is BoundConstant k ? new BoundConstant(convert(k.Value), target) : new BoundCast(e, convert, target);
    }

    /// <summary>CAST / :: semantics.</summary>
    public BoundExpr Cast(BoundExpr e, SqlType target, bool explicitCast)
    {
        if (e is BoundParameter { Type.Kind: SqlTypeKind.Unknown } p)
        {
            NoteParameter(p.Index, target);
            return new BoundParameter(p.Index, target);
        }

        if (SameType(e.Type, target) && e.Type.Equals(target))
        {
            return e;
        }

        var from = e.Type.Kind == SqlTypeKind.Unknown ? SqlType.Text : e.Type;
        var convert = explicitCast ? SqlOps.ExplicitCast(from, target) : SqlOps.ImplicitCast(from, target)
            ?? throw new SqlException(SqlStates.CannotCoerce, $"cannot cast type {from.Name} to {target.Name}");
        return e is BoundConstant k ? new BoundConstant(convert(k.Value), target) : new BoundCast(e, convert, target);
    }

    public static SqlType TypeFromName(TypeName name) => SqlOps.ParseType(name);

    private static bool SameType(SqlType a, SqlType b) =>
        a.Kind == b.Kind && (a.Kind is not (SqlTypeKind.VarChar or SqlTypeKind.Char or SqlTypeKind.Numeric) || a.Equals(b)
            || (a.Kind == SqlTypeKind.Numeric && b.Precision is null));

    /// <summary>The common type of several expressions (CASE arms, COALESCE, IN lists, UNION columns).</summary>
    public List<BoundExpr> Unify(IReadOnlyList<BoundExpr> items, string what)
    {
        var known = items.Where(i => i.Type.Kind != SqlTypeKind.Unknown).Select(i => i.Type).ToList();
        var common = known.Count == 0 ? SqlType.Text : SqlOps.CommonType(known, what);
        return items.Select(i => Coerce(i, common, what)).ToList();
    }
}
