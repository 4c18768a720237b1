using ReefDB.Raft.Messages;

namespace ReefDB.Raft.Reads;

/// <summary>
/// The leader's read-index requests waiting for a quorum to confirm its leadership (dissertation §6.4), in arrival
/// order. Requests are keyed by their context bytes; a duplicate context joins the existing request.
/// </summary>
/// <remarks>
/// A heartbeat round carries the context of the newest request; an acknowledgement of it also confirms every older
/// request, because those were registered before the heartbeat was sent.
/// </remarks>
internal sealed class ReadOnlyQueue
{
    private readonly Dictionary<string, ReadIndexStatus> pending = new(StringComparer.Ordinal);
    private readonly List<string> queue = [];

    public int Count => queue.Count;

    public void AddRequest(ulong index, Message request)
    {
        var key = Key(request.Context.Span);
        if (pending.ContainsKey(key))
        {
            return;
        }

        pending[key] = new ReadIndexStatus(request, index);
        queue.Add(key);
    }

    /// <summary>Records that <paramref name="id"/> acknowledged the heartbeat round of <paramref name="context"/>;
    /// returns who has acknowledged it so far, or null for an unknown context.</summary>
    public HashSet<ulong>? RecvAck(ulong id, ReadOnlySpan<byte> context)
    {
        if (!pending.TryGetValue(Key(context), out var status))
        {
            return null;
        }

        status.Acks.Add(id);
        return status.Acks;
    }

    /// <summary>Removes and returns every request up to and including <paramref name="context"/>'s.</summary>
    public List<ReadIndexStatus> Advance(ReadOnlySpan<byte> context)
    {
        var key = Key(context);
        var released = new List<ReadIndexStatus>();
        var at = queue.IndexOf(key);
        if (at < 0)
        {
            return released;
        }

        for (var i = 0; i <= at; i++)
        {
            released.Add(pending[queue[i]]);
            pending.Remove(queue[i]);
        }

        queue.RemoveRange(0, at + 1);
        return released;
    }

    /// <summary>The context of the newest request, carried by the next heartbeat round; empty when none.</summary>
    public ReadOnlyMemory<byte> LastPendingContext() =>
        queue.Count == 0 ? ReadOnlyMemory<byte>.Empty : pending[queue[^1]].Request.Context;

    private static string Key(ReadOnlySpan<byte> context) => Convert.ToHexString(context);
}

/// <summary>One pending read: the request, the commit index when it arrived, and who confirmed leadership since.</summary>
internal sealed class ReadIndexStatus(Message request, ulong index)
{
    public Message Request { get; } = request;

    public ulong Index { get; } = index;

    public HashSet<ulong> Acks { get; } = [];
}
