using ReefDB.Sql.Types;

namespace ReefDB.Sql.Execution;

/// <summary>
/// Per-statement execution state: the version being read, the parameters, the stamped time and random
/// sequence, and the slots correlated subqueries and recursive CTEs use. Single-threaded.
/// </summary>
internal sealed class ExecContext
{
    private readonly Random random;
    private SqlValue[]?[] frames = new SqlValue[]?[4];

    public ExecContext(DatabaseVersion version, IReadOnlyList<SqlValue> parameters, ExecutionEnvironment environment, Random random)
    {
        Version = version;
        Parameters = parameters;
        Environment = environment;
        this.random = random;
        CurrentTimestamp = SqlValue.FromTimestamp(environment.Timestamp);
        CurrentDate = SqlValue.FromDate(DateOnly.FromDateTime(environment.Timestamp));
    }

    /// <summary>The version the statement reads (its snapshot: its own writes are not visible to it).</summary>
    public DatabaseVersion Version { get; set; }

    public IReadOnlyList<SqlValue> Parameters { get; }

    public ExecutionEnvironment Environment { get; }

    public SqlValue CurrentTimestamp { get; }

    public SqlValue CurrentDate { get; }

    /// <summary>What registry functions may know of the world (interim: one per statement).</summary>
    public Functions.FunctionContext Functions => field ??= new Functions.FunctionContext(PgDateTime.ToMicros(Environment.Timestamp), 0)
    {
        DefaultTextSearchConfig = Environment.DefaultTextSearchConfig,
    };

    /// <summary>Uncorrelated subquery results, by subquery id (created on first use: most statements have none).</summary>
    public Dictionary<int, object> SubqueryCache => field ??= [];

    /// <summary>Rows of the previous round of each recursive CTE, by work table id.</summary>
    public Dictionary<int, List<SqlValue[]>> WorkTables => field ??= [];

    public double NextRandom() => random.NextDouble();

    /// <summary>The current row of query level <paramref name="level"/>, for correlated references.</summary>
    public SqlValue[] Frame(int level) => frames[level] ?? throw new InvalidOperationException("correlated row is not set");

    /// <summary>Sets the row of a level and returns the previous one, to restore after the subquery ran.</summary>
    public SqlValue[]? SetFrame(int level, SqlValue[]? row)
    {
        if (level >= frames.Length)
        {
            Array.Resize(ref frames, Math.Max(level + 1, frames.Length * 2));
        }

        var previous = frames[level];
        frames[level] = row;
        return previous;
    }
}
