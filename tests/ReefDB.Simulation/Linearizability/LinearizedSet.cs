namespace ReefDB.Simulation.Linearizability;

/// <summary>
/// A set of operation indexes (within one key's partition) as a bit array, usable as a memoization key
/// together with the model state: two search paths that linearized the same operations and reached the
/// same register value have the same future, so the second one is pruned.
/// </summary>
internal sealed class LinearizedSet : IEquatable<LinearizedSet>
{
    private readonly ulong[] words;

    public LinearizedSet(int capacity) => words = new ulong[(capacity + 63) / 64];

    private LinearizedSet(ulong[] words) => this.words = words;

    public void Add(int index) => words[index >> 6] |= 1UL << (index & 63);

    public void Remove(int index) => words[index >> 6] &= ~(1UL << (index & 63));

    public LinearizedSet Clone() => new((ulong[])words.Clone());

    public bool Equals(LinearizedSet? other) => other is not null && words.AsSpan().SequenceEqual(other.words);

    public override bool Equals(object? obj) => Equals(obj as LinearizedSet);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var word in words)
        {
            hash.Add(word);
        }

        return hash.ToHashCode();
    }
}
