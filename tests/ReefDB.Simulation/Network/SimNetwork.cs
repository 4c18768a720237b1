namespace ReefDB.Simulation.Network;

/// <summary>
/// A simulated network between node ids: every message gets a delivery tick drawn from the shared seeded
/// random source, may be lost or duplicated, and is lost if its link is cut at send or at delivery time.
/// Messages due on the same tick are delivered in a random order.
/// </summary>
internal sealed class SimNetwork<TMessage>(Random random)
{
    private readonly List<InFlight> inFlight = [];
    private readonly HashSet<(ulong From, ulong To)> cutLinks = [];
    private long sequence;

    public NetworkConditions Conditions { get; set; } = NetworkConditions.Reliable;

    public int InFlightCount => inFlight.Count;

    /// <summary>The cut links, for traces: one direction each.</summary>
    public IReadOnlyCollection<(ulong From, ulong To)> CutLinks => cutLinks;

    public bool IsCut(ulong from, ulong to) => cutLinks.Contains((from, to));

    public void Cut(ulong from, ulong to) => cutLinks.Add((from, to));

    public void CutBothWays(ulong a, ulong b)
    {
        cutLinks.Add((a, b));
        cutLinks.Add((b, a));
    }

    public void HealLink(ulong from, ulong to) => cutLinks.Remove((from, to));

    public void HealAll() => cutLinks.Clear();

    /// <summary>
    /// Queues a message; returns <see cref="SendOutcome.Cut"/> when the link is cut (a real transport would
    /// notice the broken connection) and <see cref="SendOutcome.Lost"/> when it silently vanished.
    /// </summary>
    public SendOutcome Send(ulong from, ulong to, TMessage message, long now)
    {
        if (IsCut(from, to))
        {
            return SendOutcome.Cut;
        }

        if (random.NextDouble() < Conditions.DropRate)
        {
            return SendOutcome.Lost;
        }

        Enqueue(from, to, message, now);
        if (random.NextDouble() < Conditions.DuplicateRate)
        {
            Enqueue(from, to, message, now);
        }

        return SendOutcome.Queued;
    }

    /// <summary>
    /// Removes and returns the messages due at or before <paramref name="now"/>, shuffled; those whose link was
    /// cut while they were in flight come back with <c>Delivered</c> false (the sender may be told).
    /// </summary>
    public List<(ulong From, ulong To, TMessage Message, bool Delivered)> TakeDue(long now)
    {
        var due = new List<(ulong, ulong, TMessage, bool)>();
        var kept = 0;
        for (var i = 0; i < inFlight.Count; i++)
        {
            var message = inFlight[i];
            if (message.DeliverAt > now)
            {
                inFlight[kept++] = message;
            }
            else
            {
                due.Add((message.From, message.To, message.Message, !IsCut(message.From, message.To)));
            }
        }

        inFlight.RemoveRange(kept, inFlight.Count - kept);
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(due));
        return due;
    }

    private void Enqueue(ulong from, ulong to, TMessage message, long now)
    {
        var delay = random.NextDouble() < Conditions.SlowRate
            ? random.Next(Conditions.MaxDelayTicks, Conditions.SlowDelayTicks + 1)
            : random.Next(0, Conditions.MaxDelayTicks + 1);
        inFlight.Add(new InFlight(now + delay, sequence++, from, to, message));
    }

    private readonly record struct InFlight(long DeliverAt, long Sequence, ulong From, ulong To, TMessage Message);
}
