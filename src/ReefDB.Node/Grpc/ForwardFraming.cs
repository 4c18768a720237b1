using Google.Protobuf;
using ReefDB.Node.Grpc.Wire;

namespace ReefDB.Node.Grpc;

/// <summary>
/// Sizes of <c>Sql.Forward</c> messages, so that both ends split their batches before <c>max_grpc_msg_bytes</c>
/// (gRPC refuses a larger message outright, which would break the stream and every request on it).
/// </summary>
internal static class ForwardFraming
{
    /// <summary>The response header the leader sends first: it serves the stream (an older node answers Unimplemented
    /// without headers of its own).</summary>
    public const string ServedHeader = "reefdb-forward";

    /// <summary>Bytes one <see cref="ForwardedRequest"/> adds to a <see cref="ForwardRequests"/> message (field 1) or
    /// one <see cref="ForwardedAnswer"/> to a <see cref="ForwardAnswers"/> message (field 1): the same shape,
    /// <c>{id = 1, payload = 2}</c>.</summary>
    /// <param name="id">The request id (≥ 1).</param>
    /// <param name="payloadBytes">The encoded size of the request or response.</param>
    public static int EntrySize(ulong id, int payloadBytes)
    {
        var entry = 1 + CodedOutputStream.ComputeUInt64Size(id) + 1 + CodedOutputStream.ComputeLengthSize(payloadBytes) + payloadBytes;
        return 1 + CodedOutputStream.ComputeLengthSize(entry) + entry;
    }

    /// <summary>The largest entry an id can have: ids grow, and a request is sized once, before it gets its id.</summary>
    public static int MaxEntrySize(int payloadBytes) => EntrySize(ulong.MaxValue, payloadBytes);
}
