using ReefDB.Sql.Types;

namespace ReefDB.Sql.Planning.Nodes;

/// <summary>
/// Equality of the first <c>width</c> values of rows, NULL equal to NULL (grouping semantics), with the
/// value layer's deterministic hash. Used only for lookups: no output order ever comes from hashing.
/// </summary>
internal sealed class RowEqualityComparer : IEqualityComparer<SqlValue[]>
{
    private readonly int width;

    public RowEqualityComparer(int width) => this.width = width;

    public bool Equals(SqlValue[]? x, SqlValue[]? y)
    {
        for (var i = 0; i < width; i++)
        {
            if (SqlValue.Compare(x![i], y![i]) != 0)
            {
                return false;
            }
        }

        return true;
    }

    public int GetHashCode(SqlValue[] obj)
    {
        var h = 17;
        for (var i = 0; i < width; i++)
        {
            h = (h * 31) + obj[i].GetHashCode();
        }

        return h;
    }
}
