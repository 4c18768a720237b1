using ReefDB.Sql.Types;

namespace ReefDB.Sql.Planning.Nodes;

/// <summary>
/// The posting-list walks again for the common storage key, one BIGINT (a BIGINT primary key or the
/// hidden row id): keys compared as numbers instead of through the general row-key comparer. Same keys,
/// same order, same <c>present</c> flags as the general walks.
/// </summary>
internal sealed partial class GinScanNode
{
    /// <summary>The list's keys as numbers when every key is one BIGINT (ascending as the keys are); else null.</summary>
    private static long[]? NumericKeys(List<SqlValue[]> list)
    {
        var keys = new long[list.Count];
        for (var j = 0; j < keys.Length; j++)
        {
            if (list[j] is not [{ Kind: SqlValueKind.Int64 } key])
            {
                return null;
            }

            keys[j] = key.AsInt64;
        }

        return keys;
    }

    /// <summary><see cref="Drive(List{SqlValue[]}[], int, bool[])"/> over numeric keys.</summary>
    private static IEnumerable<SqlValue[]> Drive(List<SqlValue[]>[] postings, long[][] numbers, int driver, bool[] present)
    {
        var next = new int[numbers.Length];
        var keys = numbers[driver];
        for (var k = 0; k < keys.Length; k++)
        {
            var key = keys[k];
            for (var i = 0; i < numbers.Length; i++)
            {
                if (i == driver)
                {
                    present[i] = true;
                    continue;
                }

                next[i] = Seek(numbers[i], next[i], key);
                present[i] = next[i] < numbers[i].Length && numbers[i][next[i]] == key;
            }

            yield return postings[driver][k];
        }
    }

    /// <summary>The first index at or after <paramref name="from"/> whose key is not below <paramref name="key"/> (galloping).</summary>
    private static int Seek(long[] list, int from, long key)
    {
        var step = 1;
        var high = from;
        while (high < list.Length && list[high] < key)
        {
            from = high + 1;
            high += step;
            step *= 2;
        }

        high = Math.Min(high, list.Length);
        var at = Array.BinarySearch(list, from, high - from, key);
        return at >= 0 ? at : ~at;
    }

    /// <summary><see cref="Merge(List{SqlValue[]}[], bool[])"/> over numeric keys.</summary>
    private static IEnumerable<SqlValue[]> Merge(List<SqlValue[]>[] postings, long[][] numbers, bool[] present)
    {
        var next = new int[numbers.Length];
        while (true)
        {
            var smallest = -1;
            for (var i = 0; i < numbers.Length; i++)
            {
                if (next[i] < numbers[i].Length && (smallest < 0 || numbers[i][next[i]] < numbers[smallest][next[smallest]]))
                {
                    smallest = i;
                }
            }

            if (smallest < 0)
            {
                yield break;
            }

            var key = numbers[smallest][next[smallest]];
            var row = postings[smallest][next[smallest]];
            for (var i = 0; i < numbers.Length; i++)
            {
                present[i] = next[i] < numbers[i].Length && numbers[i][next[i]] == key;
                if (present[i])
                {
                    next[i]++;
                }
            }

            yield return row;
        }
    }
}
