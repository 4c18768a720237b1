using ReefDB.Sql.Types;

namespace ReefDB.Sql.Functions.Aggregates;

/// <summary>
/// The running state of one aggregate over one group. <see cref="Add"/> receives each input row's argument
/// values (none for count(*)); <see cref="Result"/> may be called once all rows are in. Not thread-safe:
/// one accumulator per group and aggregate.
/// </summary>
internal interface IAggregateAccumulator
{
    /// <summary>Feeds one row's arguments. NULL handling is the aggregate's (strict ones skip NULLs).</summary>
    void Add(ReadOnlySpan<SqlValue> arguments);

    /// <summary>The aggregate's value for the rows added so far (NULL for an empty group, except count).</summary>
    SqlValue Result();
}
