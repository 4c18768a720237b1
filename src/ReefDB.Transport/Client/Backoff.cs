namespace ReefDB.Transport.Client;

/// <summary>
/// Exponential reconnection delays with "equal jitter": each delay is half the exponential step plus a random part
/// of the other half, so peers that lost a node at the same moment do not reconnect in lockstep.
/// </summary>
/// <remarks>Runtime code, not part of apply: <see cref="Random"/> is fine here (DESIGN.md §2 concerns apply only).</remarks>
internal sealed class Backoff(TimeSpan min, TimeSpan max, Random random)
{
    private int failures;

    /// <summary>Consecutive failures since the last <see cref="Reset"/>.</summary>
    public int Failures => failures;

    /// <summary>The delay before the next attempt; each call counts one more failure.</summary>
    public TimeSpan Next()
    {
        var exponent = Math.Min(failures, 30);
        failures++;
        var step = Math.Min(max.Ticks, min.Ticks * (1L << Math.Min(exponent, 20)));
        var half = step / 2;
        return TimeSpan.FromTicks(half + (long)(random.NextDouble() * (step - half)));
    }

    /// <summary>Forgets the failures: the connection works again.</summary>
    public void Reset() => failures = 0;
}
