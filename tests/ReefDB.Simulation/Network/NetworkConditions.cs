namespace ReefDB.Simulation.Network;

/// <summary>How badly the simulated network behaves; probabilities are per message.</summary>
/// <param name="DropRate">Chance a message is lost.</param>
/// <param name="DuplicateRate">Chance a message is delivered twice (with independent delays).</param>
/// <param name="MaxDelayTicks">Normal delay is uniform in [0, MaxDelayTicks]; different delays reorder messages.</param>
/// <param name="SlowRate">Chance a message takes a long detour of up to <see cref="SlowDelayTicks"/>.</param>
/// <param name="SlowDelayTicks">The longest detour, typically beyond an election timeout.</param>
internal sealed record NetworkConditions(double DropRate, double DuplicateRate, int MaxDelayTicks, double SlowRate, int SlowDelayTicks)
{
    /// <summary>A healed network: messages arrive, once, within a tick or two.</summary>
    public static NetworkConditions Reliable { get; } = new(0, 0, 1, 0, 0);
}
