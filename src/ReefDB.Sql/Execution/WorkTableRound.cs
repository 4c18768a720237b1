using System.Collections;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Execution;

/// <summary>
/// The rows of a recursive CTE's previous round: a window [start, end) of the growing result list, which
/// doubles as the work queue, so a round costs no list of its own. Reading by index keeps an enumeration
/// valid while the current round appends to the list behind the window.
/// </summary>
internal sealed class WorkTableRound : IEnumerable<SqlValue[]>
{
    private readonly List<SqlValue[]> rows;
    private int start;
    private int end;

    public WorkTableRound(List<SqlValue[]> rows) => this.rows = rows;

    /// <summary>An empty round over nothing (a work table read outside its recursion).</summary>
    public static WorkTableRound Empty { get; } = new([]);

    /// <summary>Moves the window to rows [<paramref name="from"/>, <paramref name="to"/>) of the list.</summary>
    public void Reset(int from, int to)
    {
        start = from;
        end = to;
    }

    public IEnumerator<SqlValue[]> GetEnumerator()
    {
        for (var i = start; i < end; i++)
        {
            yield return rows[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
