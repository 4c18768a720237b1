using ReefDB.Sql.Types;

namespace ReefDB.Sql.Planning.Nodes;

/// <summary>Compares rows by key columns with per-key direction and NULL placement.</summary>
internal sealed class SortKeyComparer : IComparer<SqlValue[]>
{
    private readonly int[] columns;
    private readonly bool[] descending;
    private readonly bool[] nullsFirst;

    public SortKeyComparer(int[] columns, bool[] descending, bool[] nullsFirst)
    {
        this.columns = columns;
        this.descending = descending;
        this.nullsFirst = nullsFirst;
    }

    public int Compare(SqlValue[]? x, SqlValue[]? y)
    {
        for (var i = 0; i < columns.Length; i++)
        {
            var a = x![columns[i]];
            var b = y![columns[i]];
            int c;
            if (a.IsNull || b.IsNull)
            {
                if (a.IsNull && b.IsNull)
                {
                    continue;
                }

                c = a.IsNull == nullsFirst[i] ? -1 : 1;
                return c;
            }

            c = SqlValue.Compare(a, b);
            if (c != 0)
            {
                return descending[i] ? -c : c;
            }
        }

        return 0;
    }
}
