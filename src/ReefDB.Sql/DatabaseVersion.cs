using System.Collections.Immutable;
using ReefDB.Sql.Catalog;
using ReefDB.Sql.Execution;

namespace ReefDB.Sql;

/// <summary>
/// One immutable state of a database: its catalog and the content of every table and index. Executing
/// a write never changes a version; it builds a new one that shares all untouched structure with this
/// one (DESIGN.md §3). Any number of threads may read a version concurrently.
/// </summary>
public sealed class DatabaseVersion
{
    internal DatabaseVersion(long number, DatabaseCatalog catalog, ImmutableSortedDictionary<string, TableData> tables)
    {
        Number = number;
        Catalog = catalog;
        Tables = tables;
    }

    /// <summary>The empty database: no tables, version number 0.</summary>
    public static DatabaseVersion Empty { get; } = new(
        0,
        DatabaseCatalog.Empty,
        ImmutableSortedDictionary.Create<string, TableData>(StringComparer.Ordinal));

    /// <summary>
    /// Counts published changes: a batch that changes anything yields <c>Number + 1</c>. Equal numbers
    /// on two replicas that applied the same log mean equal contents.
    /// </summary>
    public long Number { get; }

    /// <summary>The names of the tables, in ordinal order.</summary>
    public IReadOnlyList<string> TableNames => Catalog.Tables.Keys.ToList();

    internal DatabaseCatalog Catalog { get; }

    /// <summary>Stored content per table name; has exactly the tables of <see cref="Catalog"/>.</summary>
    internal ImmutableSortedDictionary<string, TableData> Tables { get; }

    internal TableData Data(string table) => Tables[table];

    /// <summary>
    /// A version derived from this one, numbered one past it: a batch's first change then already carries the
    /// number the batch publishes (<see cref="SqlEngine.Execute(DatabaseVersion, PreparedBatch, IReadOnlyList{Types.SqlValue}, ExecutionEnvironment, CancellationToken, long)"/>
    /// renumbers the result of a batch that changed several times, so that a batch counts once).
    /// </summary>
    internal DatabaseVersion With(DatabaseCatalog catalog, ImmutableSortedDictionary<string, TableData> tables) =>
        new(Number + 1, catalog, tables);

    internal DatabaseVersion WithNumber(long number) => new(number, Catalog, Tables);
}
