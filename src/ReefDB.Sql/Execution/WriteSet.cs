using ReefDB.Sql.Planning;

namespace ReefDB.Sql.Execution;

/// <summary>
/// The tables one statement writes, each through a <see cref="TableWriter"/>; <see cref="Commit"/>
/// builds the statement's new version. Discarding a write set is the rollback of the statement.
/// </summary>
/// <remarks>
/// Most statements write one table, the one they were compiled for: that table's writer is kept in a field and
/// the maps for other tables (foreign-key checks and actions) are made only when one is touched, because a
/// single-row INSERT is cheap enough that these maps were a visible share of its cost.
/// </remarks>
internal sealed class WriteSet
{
    private readonly TableRuntime? compiled;
    private TableWriter? first;
    private SortedDictionary<string, TableWriter>? others;
    private Dictionary<string, TableRuntime>? runtimes;
    private Planner? planner;

    /// <param name="version">The version the statement reads and writes.</param>
    /// <param name="compiled">The runtime of the statement's own target table, compiled with its plan (null: none).</param>
    public WriteSet(DatabaseVersion version, TableRuntime? compiled = null)
    {
        Version = version;
        this.compiled = compiled;
    }

    public DatabaseVersion Version { get; }

    public TableWriter Writer(string table)
    {
        if (first is not null && string.Equals(first.Table.Name, table, StringComparison.Ordinal))
        {
            return first;
        }

        if (others is not null && others.TryGetValue(table, out var writer))
        {
            return writer;
        }

        writer = new TableWriter(Runtime(table), Version.Data(table));
        if (first is null)
        {
            first = writer;
        }
        else
        {
            (others ??= new SortedDictionary<string, TableWriter>(StringComparer.Ordinal))[table] = writer;
        }

        return writer;
    }

    public DatabaseVersion Commit()
    {
        if (first is null)
        {
            return Version;
        }

        // Table order does not change the result (a sorted map); ordinal order keeps the work deterministic.
        var tables = Version.Tables.SetItem(first.Table.Name, first.Freeze());
        if (others is not null)
        {
            foreach (var (name, writer) in others)
            {
                tables = tables.SetItem(name, writer.Freeze());
            }
        }

        return Version.With(Version.Catalog, tables);
    }

    private TableRuntime Runtime(string table)
    {
        if (compiled is not null && string.Equals(compiled.Table.Name, table, StringComparison.Ordinal))
        {
            return compiled;
        }

        runtimes ??= new Dictionary<string, TableRuntime>(StringComparer.Ordinal);
        if (!runtimes.TryGetValue(table, out var runtime))
        {
            runtime = TableRuntime.Build(Version.Catalog, Version.Catalog.RequireTable(table), planner ??= new Planner(Version));
            runtimes[table] = runtime;
        }

        return runtime;
    }
}
