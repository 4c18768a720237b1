namespace ReefDB.Simulation.Kv;

/// <summary>What applying a command produced: the value read (Get), whether the swap happened (Cas).</summary>
internal sealed record KvApplyResult(string? ReadValue, bool Swapped);
