using Google.Protobuf;
using ReefDB.Raft.Configuration;
using ReefDB.Raft.Messages;
using W = ReefDB.Transport.Protos;

namespace ReefDB.Transport.Wire;

/// <summary>
/// Converts the Raft core's messages to their protobuf form and back.
/// </summary>
/// <remarks>
/// Encoding wraps payload bytes without copying (core messages are immutable, DESIGN.md §4). Decoding refuses
/// anything the core could not hold (unknown kinds, local kinds, id 0 in a membership, a node both voter and
/// learner) with a <see cref="FormatException"/>, which the server maps to InvalidArgument. A snapshot's payload
/// never travels in a <see cref="W.RaftMessage"/>: it is streamed by InstallSnapshot, so a decoded snapshot
/// message carries its metadata and an empty payload.
/// </remarks>
internal static class MessageCodec
{
    public static W.RaftMessage Encode(Message message)
    {
        var wire = new W.RaftMessage
        {
            Type = EncodeType(message.Type),
            From = message.From,
            To = message.To,
            Term = message.Term,
            LogTerm = message.LogTerm,
            Index = message.Index,
            Commit = message.Commit,
            Reject = message.Reject,
            RejectHint = message.RejectHint,
            Context = UnsafeByteOperations.UnsafeWrap(message.Context),
        };
        foreach (var entry in message.Entries)
        {
            wire.Entries.Add(Encode(entry));
        }

        if (message.Snapshot is { } snapshot)
        {
            wire.Snapshot = Encode(snapshot.Metadata);
        }

        return wire;
    }

    public static Message Decode(W.RaftMessage wire)
    {
        var entries = wire.Entries.Count == 0 ? [] : new Entry[wire.Entries.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = Decode(wire.Entries[i]);
        }

        var type = DecodeType(wire.Type);
        if ((type == MessageType.Snapshot) != (wire.Snapshot is not null))
        {
            throw new FormatException("Snapshot metadata must be present on a snapshot message and only there.");
        }

        return new Message
        {
            Type = type,
            From = wire.From,
            To = wire.To,
            Term = wire.Term,
            LogTerm = wire.LogTerm,
            Index = wire.Index,
            Entries = entries,
            Commit = wire.Commit,
            Reject = wire.Reject,
            RejectHint = wire.RejectHint,
            Snapshot = wire.Snapshot is null ? null : new Snapshot(Decode(wire.Snapshot), ReadOnlyMemory<byte>.Empty),
            Context = wire.Context.Memory,
        };
    }

    public static W.Entry Encode(Entry entry) => new()
    {
        Term = entry.Term,
        Index = entry.Index,
        Type = entry.Type switch
        {
            EntryType.Normal => W.EntryType.Normal,
            EntryType.ConfChange => W.EntryType.ConfChange,
            _ => throw new ArgumentException($"Entry type {entry.Type} has no wire form.", nameof(entry)),
        },
        Data = UnsafeByteOperations.UnsafeWrap(entry.Data),
    };

    // ByteString.Memory of a parsed message is its own immutable buffer: safe to hand to the core without a copy.
    public static Entry Decode(W.Entry wire) => new(
        wire.Term,
        wire.Index,
        wire.Type switch
        {
            W.EntryType.Normal => EntryType.Normal,
            W.EntryType.ConfChange => EntryType.ConfChange,
            _ => throw new FormatException($"Unknown entry type {(int)wire.Type}."),
        },
        wire.Data.Memory);

    public static W.SnapshotMetadata Encode(SnapshotMetadata metadata)
    {
        var membership = new W.Membership();
        membership.Voters.AddRange(metadata.Membership.Voters);
        membership.Learners.AddRange(metadata.Membership.Learners);
        return new W.SnapshotMetadata { Index = metadata.Index, Term = metadata.Term, Membership = membership };
    }

    public static SnapshotMetadata Decode(W.SnapshotMetadata wire)
    {
        try
        {
            var membership = wire.Membership is null
                ? Membership.Empty
                : new Membership(wire.Membership.Voters, wire.Membership.Learners);
            return new SnapshotMetadata(wire.Index, wire.Term, membership);
        }
        catch (ArgumentException e)
        {
            throw new FormatException("Invalid snapshot membership: " + e.Message, e);
        }
    }

    public static W.MessageType EncodeType(MessageType type) => type switch
    {
        MessageType.Propose => W.MessageType.Propose,
        MessageType.Append => W.MessageType.Append,
        MessageType.AppendResponse => W.MessageType.AppendResponse,
        MessageType.Vote => W.MessageType.Vote,
        MessageType.VoteResponse => W.MessageType.VoteResponse,
        MessageType.Snapshot => W.MessageType.Snapshot,
        MessageType.Heartbeat => W.MessageType.Heartbeat,
        MessageType.HeartbeatResponse => W.MessageType.HeartbeatResponse,
        MessageType.TransferLeader => W.MessageType.TransferLeader,
        MessageType.TimeoutNow => W.MessageType.TimeoutNow,
        MessageType.ReadIndex => W.MessageType.ReadIndex,
        MessageType.ReadIndexResponse => W.MessageType.ReadIndexResponse,
        MessageType.PreVote => W.MessageType.PreVote,
        MessageType.PreVoteResponse => W.MessageType.PreVoteResponse,
        _ => throw new ArgumentException($"{type} is a local message kind and never crosses the network.", nameof(type)),
    };

    public static MessageType DecodeType(W.MessageType type) => type switch
    {
        W.MessageType.Propose => MessageType.Propose,
        W.MessageType.Append => MessageType.Append,
        W.MessageType.AppendResponse => MessageType.AppendResponse,
        W.MessageType.Vote => MessageType.Vote,
        W.MessageType.VoteResponse => MessageType.VoteResponse,
        W.MessageType.Snapshot => MessageType.Snapshot,
        W.MessageType.Heartbeat => MessageType.Heartbeat,
        W.MessageType.HeartbeatResponse => MessageType.HeartbeatResponse,
        W.MessageType.TransferLeader => MessageType.TransferLeader,
        W.MessageType.TimeoutNow => MessageType.TimeoutNow,
        W.MessageType.ReadIndex => MessageType.ReadIndex,
        W.MessageType.ReadIndexResponse => MessageType.ReadIndexResponse,
        W.MessageType.PreVote => MessageType.PreVote,
        W.MessageType.PreVoteResponse => MessageType.PreVoteResponse,
        _ => throw new FormatException($"Unknown or local message type {(int)type}."),
    };
}
