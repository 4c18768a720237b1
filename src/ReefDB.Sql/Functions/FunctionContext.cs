using ReefDB.Sql.Types;

namespace ReefDB.Sql.Functions;

/// <summary>
/// What a statement's functions may know about the world: the timestamp and random seed the leader stamped
/// into the batch (DESIGN.md §2). <c>now()</c>, <c>current_timestamp</c>, <c>current_date</c>,
/// <c>localtimestamp</c>, <c>statement_timestamp()</c>, <c>random()</c>, <c>setseed()</c> and
/// <c>gen_random_uuid()</c> read only this object, never the clock or a system RNG, so every replica computes
/// the same values.
/// </summary>
/// <remarks>
/// The random source is SplitMix64 over the seed: a fixed, versionless algorithm, so replaying an old log
/// entry on a newer binary yields the same numbers. Not thread-safe: one context per executing batch, and the
/// executor must evaluate random() calls in a deterministic order.
/// </remarks>
public sealed class FunctionContext
{
    private ulong state;
    private string sessionTextSearchConfig = "english";
    private string? localTextSearchConfig;

    /// <summary>A context for a batch stamped with <paramref name="timestampMicros"/> (microseconds since
    /// 2000-01-01 UTC, as <see cref="SqlValue.FromTimestampMicros"/>) and <paramref name="randomSeed"/>.</summary>
    public FunctionContext(long timestampMicros, ulong randomSeed)
    {
        TimestampMicros = timestampMicros;
        state = randomSeed;
    }

    /// <summary>A context from a UTC timestamp (ticks below a microsecond dropped) and a seed.</summary>
    public static FunctionContext Create(DateTime utcTimestamp, ulong randomSeed) =>
        new(PgDateTime.ToMicros(utcTimestamp), randomSeed);

    /// <summary>
    /// The batch's default text search configuration (to_tsvector(text) and friends without one), canonical
    /// name without schema: seeded from the batch's settings, changed by SET / set_config for the rest of the
    /// batch (a SET LOCAL value until its transaction ends). Setting it sets the session value.
    /// </summary>
    public string DefaultTextSearchConfig
    {
        get => localTextSearchConfig ?? sessionTextSearchConfig;
        set => (sessionTextSearchConfig, localTextSearchConfig) = (value, null);
    }

    /// <summary>SET LOCAL: <paramref name="config"/> until <see cref="EndTransaction"/>.</summary>
    internal void SetLocalTextSearchConfig(string config) => localTextSearchConfig = config;

    internal SettingsSnapshot SaveSettings() => new(sessionTextSearchConfig, localTextSearchConfig);

    internal void RestoreSettings(SettingsSnapshot saved) =>
        (sessionTextSearchConfig, localTextSearchConfig) = (saved.TextSearchConfig, saved.LocalTextSearchConfig);

    /// <summary>A transaction (a block, or one statement outside any) ended: SET LOCAL values lapse.</summary>
    internal void EndTransaction() => localTextSearchConfig = null;

    /// <summary>The stamped statement/transaction timestamp, in microseconds since 2000-01-01.</summary>
    public long TimestampMicros { get; }

    /// <summary>The next value of random(): uniform in [0, 1), 53 random bits.</summary>
    public double NextRandom() => (NextBits() >> 11) * (1.0 / (1UL << 53));

    /// <summary>setseed(seed) with seed in [-1, 1]: restarts the random sequence deterministically.</summary>
    public void SetSeed(double seed) => state = (ulong)(long)(seed * long.MaxValue);

    /// <summary>A version-4 UUID from the random source (gen_random_uuid()).</summary>
    public Guid NextUuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, NextBits());
        BitConverter.TryWriteBytes(bytes[8..], NextBits());
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    private ulong NextBits()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
