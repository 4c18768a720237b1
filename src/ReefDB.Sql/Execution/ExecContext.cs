using ReefDB.Sql.Functions;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Execution;

/// <summary>
/// Per-statement execution state: the version being read, the parameters, the stamped time and random
/// sequence, and the slots correlated subqueries and recursive CTEs use. Single-threaded.
/// </summary>
internal sealed class ExecContext
{
    // Made by the first correlated subquery: most statements have none.
    private SqlValue[]?[]? frames;

    /// <param name="functions">The batch's function context: shared by the batch's statements, so the
    /// random sequence continues from one statement to the next.</param>
    public ExecContext(DatabaseVersion version, IReadOnlyList<SqlValue> parameters, ExecutionEnvironment environment, FunctionContext functions)
    {
        Version = version;
        Parameters = parameters;
        Environment = environment;
        Functions = functions;
    }

    /// <summary>The version the statement reads (its snapshot: its own writes are not visible to it).</summary>
    public DatabaseVersion Version { get; set; }

    public IReadOnlyList<SqlValue> Parameters { get; }

    public ExecutionEnvironment Environment { get; }

    /// <summary>What functions may know of the world: the stamped time and random sequence (DESIGN.md §2).</summary>
    public FunctionContext Functions { get; }

    /// <summary>Uncorrelated subquery results, by subquery id (created on first use: most statements have none).</summary>
    public Dictionary<int, object> SubqueryCache => field ??= [];

    /// <summary>Rows of the previous round of each recursive CTE, by work table id.</summary>
    public Dictionary<int, WorkTableRound> WorkTables => field ??= [];

    /// <summary>The current row of query level <paramref name="level"/>, for correlated references.</summary>
    public SqlValue[] Frame(int level) =>
        (frames is not null && level < frames.Length ? frames[level] : null) ?? throw new InvalidOperationException("correlated row is not set");

    /// <summary>Sets the row of a level and returns the previous one, to restore after the subquery ran.</summary>
    public SqlValue[]? SetFrame(int level, SqlValue[]? row)
    {
        frames ??= new SqlValue[]?[Math.Max(4, level + 1)];
        if (level >= frames.Length)
        {
            Array.Resize(ref frames, Math.Max(level + 1, frames.Length * 2));
        }

        var previous = frames[level];
        frames[level] = row;
        return previous;
    }
}
