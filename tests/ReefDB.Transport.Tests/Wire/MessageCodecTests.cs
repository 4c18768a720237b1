using CsCheck;
using Google.Protobuf;
using ReefDB.Raft.Configuration;
using ReefDB.Raft.Messages;
using ReefDB.Transport.Wire;
using W = ReefDB.Transport.Protos;

namespace ReefDB.Transport.Tests.Wire;

public sealed class MessageCodecTests
{
    private static readonly MessageType[] NetworkTypes =
    [
        MessageType.Propose, MessageType.Append, MessageType.AppendResponse, MessageType.Vote, MessageType.VoteResponse,
        MessageType.Snapshot, MessageType.Heartbeat, MessageType.HeartbeatResponse, MessageType.TransferLeader,
        MessageType.TimeoutNow, MessageType.ReadIndex, MessageType.ReadIndexResponse, MessageType.PreVote,
        MessageType.PreVoteResponse,
    ];

    private static readonly Gen<byte[]> Bytes = Gen.Byte.Array[0, 40];

    private static readonly Gen<Entry> Entries =
        Gen.Select(Gen.ULong, Gen.ULong, Gen.Bool, Bytes, (term, index, conf, data) =>
            new Entry(term, index, conf ? EntryType.ConfChange : EntryType.Normal, data));

    // Voters and learners disjoint and never 0, as Membership requires.
    private static readonly Gen<Membership> Memberships =
        Gen.ULong[1, 50].Array[0, 7].Select(Gen.Int[0, 7], (ids, split) =>
        {
            var distinct = ids.Distinct().ToArray();
            var cut = Math.Min(split, distinct.Length);
            return new Membership(distinct[..cut], distinct[cut..]);
        });

    private static readonly Gen<Message> Messages =
        Gen.Select(Gen.OneOf(NetworkTypes), Gen.ULong, Gen.ULong, Gen.ULong, Gen.ULong, Gen.ULong, Entries.Array[0, 6])
            .Select(Gen.ULong, Gen.Bool, Gen.ULong, Bytes, Gen.Select(Gen.ULong, Gen.ULong, Memberships),
                (head, commit, reject, hint, context, snapshot) => new Message
                {
                    Type = head.Item1,
                    From = head.Item2,
                    To = head.Item3,
                    Term = head.Item4,
                    LogTerm = head.Item5,
                    Index = head.Item6,
                    Entries = head.Item7,
                    Commit = commit,
                    Reject = reject,
                    RejectHint = hint,
                    Context = context,
                    Snapshot = head.Item1 == MessageType.Snapshot
                        ? new Snapshot(new SnapshotMetadata(snapshot.Item1, snapshot.Item2, snapshot.Item3), ReadOnlyMemory<byte>.Empty)
                        : null,
                });

    [Fact]
    public void Random_messages_survive_encoding_serialization_and_decoding() =>
        Messages.Sample(message =>
        {
            var bytes = MessageCodec.Encode(message).ToByteArray();
            var back = MessageCodec.Decode(W.RaftMessage.Parser.ParseFrom(bytes));
            AssertSame(message, back);
        }, iter: 2000, threads: 1);

    [Fact]
    public void Random_batches_survive_serialization()
    {
        Messages.Array[0, 20].Sample(messages =>
        {
            var batch = new W.MessageBatch { ClusterId = "c", From = 1, To = 2, Sequence = 7 };
            batch.Messages.AddRange(messages.Select(MessageCodec.Encode));
            var back = W.MessageBatch.Parser.ParseFrom(batch.ToByteArray());
            Assert.Equal(messages.Length, back.Messages.Count);
            for (var i = 0; i < messages.Length; i++)
            {
                AssertSame(messages[i], MessageCodec.Decode(back.Messages[i]));
            }
        }, iter: 300, threads: 1);
    }

    [Fact]
    public void A_snapshot_payload_never_travels_inside_a_message()
    {
        var message = new Message
        {
            Type = MessageType.Snapshot,
            Snapshot = new Snapshot(new SnapshotMetadata(5, 2, new Membership([1, 2, 3])), new byte[1000]),
        };
        var wire = MessageCodec.Encode(message);
        Assert.True(wire.CalculateSize() < 100);
        var back = MessageCodec.Decode(wire);
        Assert.Equal(message.Snapshot.Metadata, back.Snapshot!.Metadata);
        Assert.True(back.Snapshot.Data.IsEmpty);
    }

    [Theory]
    [InlineData(MessageType.Hup)]
    [InlineData(MessageType.Beat)]
    [InlineData(MessageType.Unreachable)]
    [InlineData(MessageType.SnapshotStatus)]
    [InlineData(MessageType.CheckQuorum)]
    public void Local_kinds_are_refused_on_encoding(MessageType type) =>
        Assert.Throws<ArgumentException>(() => MessageCodec.Encode(new Message { Type = type }));

    [Fact]
    public void Unknown_kinds_and_entry_types_are_refused_on_decoding()
    {
        Assert.Throws<FormatException>(() => MessageCodec.Decode(new W.RaftMessage { Type = (W.MessageType)99 }));
        Assert.Throws<FormatException>(() => MessageCodec.Decode(new W.RaftMessage { Type = W.MessageType.Unspecified }));
        var badEntry = new W.RaftMessage { Type = W.MessageType.Append };
        badEntry.Entries.Add(new W.Entry { Type = (W.EntryType)7 });
        Assert.Throws<FormatException>(() => MessageCodec.Decode(badEntry));
    }

    [Fact]
    public void An_impossible_membership_is_refused_on_decoding()
    {
        var zero = SnapshotMessage(voters: [0], learners: []);
        Assert.Throws<FormatException>(() => MessageCodec.Decode(zero));
        var both = SnapshotMessage(voters: [1, 2], learners: [2]);
        Assert.Throws<FormatException>(() => MessageCodec.Decode(both));
    }

    [Fact]
    public void Snapshot_metadata_belongs_to_snapshot_messages_only()
    {
        var stray = SnapshotMessage([1], []);
        stray.Type = W.MessageType.Append;
        Assert.Throws<FormatException>(() => MessageCodec.Decode(stray));
        Assert.Throws<FormatException>(() => MessageCodec.Decode(new W.RaftMessage { Type = W.MessageType.Snapshot }));
    }

    [Fact]
    public void Decoding_arbitrary_bytes_either_fails_cleanly_or_yields_a_message() =>
        Gen.Byte.Array[0, 200].Sample(bytes =>
        {
            try
            {
                MessageCodec.Decode(W.RaftMessage.Parser.ParseFrom(bytes));
            }
            catch (Google.Protobuf.InvalidProtocolBufferException)
            {
            }
            catch (FormatException)
            {
            }
        }, iter: 3000, threads: 1);

    private static W.RaftMessage SnapshotMessage(ulong[] voters, ulong[] learners)
    {
        var membership = new W.Membership();
        membership.Voters.AddRange(voters);
        membership.Learners.AddRange(learners);
        return new W.RaftMessage
        {
            Type = W.MessageType.Snapshot,
            Snapshot = new W.SnapshotMetadata { Index = 1, Term = 1, Membership = membership },
        };
    }

    private static void AssertSame(Message expected, Message actual)
    {
        Assert.Equal(MessageFormatter.Format(expected), MessageFormatter.Format(actual));
        Assert.Equal((expected.Type, expected.From, expected.To, expected.Term, expected.LogTerm, expected.Index),
            (actual.Type, actual.From, actual.To, actual.Term, actual.LogTerm, actual.Index));
        Assert.Equal((expected.Commit, expected.Reject, expected.RejectHint), (actual.Commit, actual.Reject, actual.RejectHint));
        Assert.Equal(expected.Context.ToArray(), actual.Context.ToArray());
        Assert.Equal(expected.Entries.Count, actual.Entries.Count);
        for (var i = 0; i < expected.Entries.Count; i++)
        {
            Assert.Equal((expected.Entries[i].Term, expected.Entries[i].Index, expected.Entries[i].Type),
                (actual.Entries[i].Term, actual.Entries[i].Index, actual.Entries[i].Type));
            Assert.Equal(expected.Entries[i].Data.ToArray(), actual.Entries[i].Data.ToArray());
        }

        Assert.Equal(expected.Snapshot?.Metadata, actual.Snapshot?.Metadata);
    }
}
