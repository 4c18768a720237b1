using ReefDB.Sql.Planning;

namespace ReefDB.Sql.Execution;

/// <summary>
/// The tables one statement writes, each through a <see cref="TableWriter"/>; <see cref="Commit"/>
/// builds the statement's new version. Discarding a write set is the rollback of the statement.
/// </summary>
internal sealed class WriteSet
{
    private readonly SortedDictionary<string, TableWriter> writers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TableRuntime> runtimes;

    public WriteSet(DatabaseVersion version, Planner planner, Dictionary<string, TableRuntime>? runtimes = null)
    {
        Version = version;
        Planner = planner;
        this.runtimes = runtimes ?? new Dictionary<string, TableRuntime>(StringComparer.Ordinal);
    }

    public DatabaseVersion Version { get; }

    public Planner Planner { get; }

    public bool HasChanges => writers.Count > 0;

    public TableWriter Writer(string table)
    {
        if (!writers.TryGetValue(table, out var writer))
        {
            if (!runtimes.TryGetValue(table, out var runtime))
            {
                runtime = TableRuntime.Build(Version.Catalog, Version.Catalog.RequireTable(table), Planner);
                runtimes[table] = runtime;
            }

            writer = new TableWriter(runtime, Version.Data(table));
            writers[table] = writer;
        }

        return writer;
    }

    public DatabaseVersion Commit()
    {
        if (writers.Count == 0)
        {
            return Version;
        }

        var tables = Version.Tables;
        foreach (var (name, writer) in writers)
        {
            tables = tables.SetItem(name, writer.Freeze());
        }

        return Version.With(Version.Catalog, tables);
    }
}
