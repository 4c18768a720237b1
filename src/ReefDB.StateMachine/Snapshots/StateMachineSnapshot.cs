using System.Buffers.Binary;
using System.IO.Hashing;
using Google.Protobuf;
using ReefDB.Sql.Errors;
using ReefDB.Sql.Snapshots;
using ReefDB.StateMachine.Sessions;

namespace ReefDB.StateMachine.Snapshots;

/// <summary>
/// Writes a <see cref="StateMachineState"/> to a stream and restores it: what a Raft snapshot holds, so a
/// node restored from it applies the next entry exactly as the node that wrote it would have (apply index
/// and client sessions included, DESIGN.md §6).
/// </summary>
/// <remarks>
/// Format 1: magic <c>REEFSTM1</c>, applied index (u64), the session section (count, then per session:
/// client id, last sequence, last applied index, encoded outcome) followed by its XxHash3, then the
/// <see cref="DatabaseSnapshot"/>. Restoring builds a new state; a corrupt or truncated stream raises
/// <see cref="SqlException"/> (<see cref="SqlStates.DataCorrupted"/>) and changes nothing.
/// </remarks>
public static class StateMachineSnapshot
{
    private static readonly byte[] Magic = "REEFSTM1"u8.ToArray();

    /// <summary>Writes <paramref name="state"/>; safe on a background thread while apply continues.</summary>
    public static void Write(StateMachineState state, Stream stream)
    {
        using (var sessions = new MemoryStream())
        {
            using (var writer = new BinaryWriter(sessions, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                writer.Write(state.AppliedIndex);
                writer.Write7BitEncodedInt(state.Sessions.Count);
                foreach (var session in state.Sessions.Sessions)
                {
                    writer.Write(session.ClientId);
                    writer.Write(session.LastSequence);
                    writer.Write(session.LastAppliedIndex);
                    writer.Write7BitEncodedInt(session.LastOutcome.Length);
                    writer.Write(session.LastOutcome.Span);
                }
            }

            Span<byte> frame = stackalloc byte[8];
            stream.Write(Magic);
            BinaryPrimitives.WriteInt64LittleEndian(frame, sessions.Length);
            stream.Write(frame);
            var body = sessions.GetBuffer().AsSpan(0, (int)sessions.Length);
            stream.Write(body);
            BinaryPrimitives.WriteUInt64LittleEndian(frame, XxHash3.HashToUInt64(body));
            stream.Write(frame);
        }

        DatabaseSnapshot.Write(state.Database, stream);
    }

    /// <summary>Restores a state written by <see cref="Write"/>.</summary>
    /// <exception cref="SqlException"><see cref="SqlStates.DataCorrupted"/> for a corrupt or truncated stream.</exception>
    public static StateMachineState Read(Stream stream)
    {
        ulong appliedIndex;
        ClientSessionTable sessions;
        try
        {
            (appliedIndex, sessions) = ReadSessions(stream);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or OverflowException)
        {
            throw new SqlException(SqlStates.DataCorrupted, $"state machine snapshot is corrupt or truncated: {e.Message}");
        }

        return new StateMachineState(DatabaseSnapshot.Read(stream), sessions, appliedIndex);
    }

    private static (ulong AppliedIndex, ClientSessionTable Sessions) ReadSessions(Stream stream)
    {
        Span<byte> header = stackalloc byte[16];
        stream.ReadExactly(header);
        if (!header[..8].SequenceEqual(Magic))
        {
            throw new InvalidDataException("not a ReefDB state machine snapshot");
        }

        var length = BinaryPrimitives.ReadInt64LittleEndian(header[8..]);
        if (length is < 0 or > int.MaxValue)
        {
            throw new InvalidDataException($"impossible session section length {length}");
        }

        var body = new byte[length];
        stream.ReadExactly(body);
        Span<byte> hash = stackalloc byte[8];
        stream.ReadExactly(hash);
        if (BinaryPrimitives.ReadUInt64LittleEndian(hash) != XxHash3.HashToUInt64(body))
        {
            throw new InvalidDataException("session section checksum mismatch");
        }

        using var reader = new BinaryReader(new MemoryStream(body), System.Text.Encoding.UTF8);
        var appliedIndex = reader.ReadUInt64();
        var count = reader.Read7BitEncodedInt();
        var sessions = new List<ClientSession>(Math.Max(0, Math.Min(count, 100_000)));
        for (var i = 0; i < count; i++)
        {
            var clientId = reader.ReadString();
            var sequence = reader.ReadUInt64();
            var index = reader.ReadUInt64();
            var outcome = reader.ReadBytes(reader.Read7BitEncodedInt());
            sessions.Add(new ClientSession(clientId, sequence, ByteString.CopyFrom(outcome), index));
        }

        return (appliedIndex, ClientSessionTable.FromSessions(sessions));
    }
}
