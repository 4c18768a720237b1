using System.Collections.Immutable;
using ReefDB.Sql.Catalog;
using ReefDB.Sql.Syntax;

namespace ReefDB.Sql.Binding;

/// <summary>A bound FROM item.</summary>
internal abstract record BoundFrom;

/// <summary>A base table scanned as <see cref="Variable"/>.</summary>
internal sealed record BoundTableRef(RangeVariable Variable, TableDef Table) : BoundFrom;

/// <summary>A subquery, view or non-recursive CTE, each bound into its own query.</summary>
internal sealed record BoundDerivedRef(RangeVariable Variable, BoundQuery Query) : BoundFrom;

/// <summary>The work table of a recursive CTE, read inside its recursive part.</summary>
internal sealed record BoundWorkTableRef(RangeVariable Variable, int WorkTableId) : BoundFrom;

/// <summary>A set-returning function such as generate_series.</summary>
internal sealed record BoundFunctionRef(RangeVariable Variable, string Name, ImmutableArray<BoundExpr> Arguments) : BoundFrom;

/// <summary>A join; <see cref="Condition"/> is null for CROSS (and for INNER without ON).</summary>
internal sealed record BoundJoin(JoinKind Kind, BoundFrom Left, BoundFrom Right, BoundExpr? Condition) : BoundFrom;
