using ReefDB.Sql.Types;

namespace ReefDB.Sql.Functions.Aggregates;

/// <summary>
/// An aggregate resolved for its argument types: the result type, and a factory of accumulators (one per
/// group). With DISTINCT, each accumulator sees every distinct argument once, in sorted order
/// (<see cref="SqlValue.Compare"/>), as PostgreSQL feeds DISTINCT aggregates; the result is thus
/// independent of input order, which keeps float sums and string_agg deterministic.
/// </summary>
internal sealed class AggregateFunction
{
    private readonly Func<IAggregateAccumulator> create;

    internal AggregateFunction(string name, SqlType resultType, bool distinct, Func<IAggregateAccumulator> create)
    {
        Name = name;
        ResultType = resultType;
        IsDistinct = distinct;
        this.create = create;
    }

    /// <summary>The aggregate's name.</summary>
    public string Name { get; }

    /// <summary>The type of the result.</summary>
    public SqlType ResultType { get; }

    /// <summary>True for <c>agg(DISTINCT …)</c>.</summary>
    public bool IsDistinct { get; }

    /// <summary>A fresh accumulator for one group.</summary>
    public IAggregateAccumulator CreateAccumulator() => IsDistinct ? new DistinctAccumulator(create()) : create();
}
