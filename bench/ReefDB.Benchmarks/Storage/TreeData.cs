namespace ReefDB.Benchmarks.Storage;

/// <summary>Deterministic keys shared by the tree benchmarks.</summary>
internal static class TreeData
{
    /// <summary><paramref name="count"/> distinct keys in a fixed pseudo-random order.</summary>
    internal static long[] ShuffledKeys(int count, int seed = 42)
    {
        var keys = new long[count];
        for (int i = 0; i < count; i++)
        {
            keys[i] = i * 2L;
        }

        new Random(seed).Shuffle(keys);
        return keys;
    }
}
