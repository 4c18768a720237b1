using System.Runtime.CompilerServices;
using ReefDB.Sql.Errors;
using ReefDB.Sql.Functions;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Execution;

/// <summary>
/// Per-statement execution state: the version being read, the parameters, the stamped time and random
/// sequence, the slots correlated subqueries and recursive CTEs use, and what the statement may still use.
/// Single-threaded.
/// </summary>
internal sealed class ExecContext
{
    // The work limit and the cancellation token are checked once per this many rows (a power of two).
    private const long CheckInterval = 1024;

    private readonly StatementLimits limits;

    // Made by the first correlated subquery: most statements have none.
    private SqlValue[]?[]? frames;
    private long examined;
    private long resultBytes;

    /// <param name="functions">The batch's function context: shared by the batch's statements, so the
    /// random sequence continues from one statement to the next.</param>
    public ExecContext(
        DatabaseVersion version, IReadOnlyList<SqlValue> parameters, ExecutionEnvironment environment, FunctionContext functions,
        StatementLimits limits)
    {
        Version = version;
        Parameters = parameters;
        Environment = environment;
        Functions = functions;
        this.limits = limits;
    }

    /// <summary>Counts one row examined: read from a table, an index, a series or a work table, or tried as a
    /// join candidate. Every loop whose length the data decides calls it, so that no statement runs unbounded and a
    /// cancelled read stops within about a thousand rows wherever it spends its time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Examine()
    {
        if ((++examined & (CheckInterval - 1)) == 0)
        {
            CheckWork();
        }
    }

    /// <summary>Counts one row of the statement's result against <see cref="StatementLimits.MaxResultBytes"/>.</summary>
    public void CountResultRow(SqlValue[] row)
    {
        if (limits.MaxResultBytes == long.MaxValue)
        {
            return;
        }

        resultBytes += EstimatedBytes(row);
        if (resultBytes > limits.MaxResultBytes)
        {
            throw new SqlException(
                SqlStates.ProgramLimitExceeded,
                $"the result is larger than {limits.MaxResultBytes} bytes, the most one statement may return here; fetch it in parts (LIMIT, or WHERE key > the last one read)");
        }
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

    private void CheckWork()
    {
        if (examined > limits.MaxRowsExamined)
        {
            throw new SqlException(
                SqlStates.ProgramLimitExceeded,
                $"statement examined more than {limits.MaxRowsExamined} rows, the most one statement may; narrow it with a WHERE clause or an index, or split it");
        }

        if (limits.Cancellation.IsCancellationRequested)
        {
            throw new SqlException(SqlStates.QueryCanceled, "canceling statement: it was cancelled or ran past its time limit");
        }
    }

    // A row's share of the answer and of memory: its array, each value's slot, and the characters or bytes it carries.
    private static long EstimatedBytes(SqlValue[] row)
    {
        var bytes = 16L;
        foreach (var value in row)
        {
            bytes += value.Kind switch
            {
                SqlValueKind.Text => 8 + value.AsText.Length,
                SqlValueKind.Bytea => 8 + (2L * value.AsBytes.Length),
                _ => 8,
            };
        }

        return bytes;
    }
}
