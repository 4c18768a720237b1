using System.Collections.Immutable;
using ReefDB.Sql.Syntax;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Binding;

/// <summary>A bound query: something that yields rows of <see cref="Names"/>/<see cref="Types"/>.</summary>
internal abstract record BoundQuery(ImmutableArray<string> Names, ImmutableArray<SqlType> Types)
{
    public int Width => Names.Length;
}

/// <summary>
/// A SELECT core with its ORDER BY / LIMIT. Expressions in <see cref="Outputs"/>, <see cref="Having"/>
/// and <see cref="OrderBy"/> may contain <see cref="BoundAggregateCall"/>s when <see cref="IsAggregate"/>;
/// then every column they read outside an aggregate is one of <see cref="GroupBy"/> (checked by the binder).
/// </summary>
internal sealed record BoundSelect(
    ImmutableArray<string> Names,
    ImmutableArray<SqlType> Types,
    BoundFrom? From,
    BoundExpr? Where,
    ImmutableArray<BoundExpr> GroupBy,
    bool IsAggregate,
    BoundExpr? Having,
    ImmutableArray<BoundExpr> Outputs,
    bool Distinct,
    ImmutableArray<BoundExpr> DistinctOn,
    ImmutableArray<BoundOrderKey> OrderBy,
    BoundExpr? Limit,
    BoundExpr? Offset,
    int Level) : BoundQuery(Names, Types)
{
    /// <summary>
    /// This level's aggregates written inside its subqueries, which read each result as the outer column
    /// <c>Id</c>; the aggregation computes them with the others (so <see cref="IsAggregate"/> is set).
    /// </summary>
    public ImmutableArray<(ColumnId Id, BoundAggregateCall Call)> NestedAggregates { get; init; } = [];
}

/// <summary>VALUES rows (each already converted to the column types).</summary>
internal sealed record BoundValues(ImmutableArray<string> Names, ImmutableArray<SqlType> Types, ImmutableArray<ImmutableArray<BoundExpr>> Rows)
    : BoundQuery(Names, Types);

/// <summary>UNION / INTERSECT / EXCEPT over inputs whose columns were converted to common types.</summary>
internal sealed record BoundSetOperation(
    ImmutableArray<string> Names,
    ImmutableArray<SqlType> Types,
    SetOperator Operator,
    bool All,
    BoundQuery Left,
    BoundQuery Right) : BoundQuery(Names, Types);

/// <summary>
/// ORDER BY / LIMIT / OFFSET over a query whose body is not a plain SELECT; sort keys are output positions.
/// </summary>
internal sealed record BoundSortedQuery(
    BoundQuery Input,
    ImmutableArray<(int Column, bool Descending, bool NullsFirst)> OrderBy,
    BoundExpr? Limit,
    BoundExpr? Offset) : BoundQuery(Input.Names, Input.Types);

/// <summary>A query converted column by column to other types (INSERT … SELECT into typed columns).</summary>
internal sealed record BoundConvertedQuery(BoundQuery Input, ImmutableArray<Func<SqlValue, SqlValue>?> Converters, ImmutableArray<SqlType> Types)
    : BoundQuery(Input.Names, Types);

/// <summary>
/// WITH RECURSIVE: <see cref="Anchor"/> once, then <see cref="Recursive"/> repeatedly over the rows the
/// previous round produced (the work table <see cref="WorkTableId"/>) until a round yields nothing.
/// UNION (not ALL) discards rows already produced.
/// </summary>
internal sealed record BoundRecursiveQuery(
    ImmutableArray<string> Names,
    ImmutableArray<SqlType> Types,
    int WorkTableId,
    BoundQuery Anchor,
    BoundQuery Recursive,
    bool UnionAll) : BoundQuery(Names, Types);
