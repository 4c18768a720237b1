using System.Security.Cryptography;
using Google.Protobuf;
using ReefDB.StateMachine;
using ReefDB.StateMachine.Encoding;

namespace ReefDB.Node.Gateway;

/// <summary>
/// Builds the <see cref="CommandBatch"/> of a write the way a leader must (DESIGN.md §2): the clock and the random
/// seed are read here, once, and stamped into the batch, so every replica applies the same values.
/// </summary>
internal static class BatchStamper
{
    public static CommandBatch Stamp(IEnumerable<SqlStatementRequest> statements, string? clientId, ulong sequence, TimeProvider clock)
    {
        Span<byte> id = stackalloc byte[16];
        RandomNumberGenerator.Fill(id);
        var batch = new CommandBatch
        {
            FormatVersion = ApplyFormat.Current,
            BatchId = ByteString.CopyFrom(id),
            ClientId = clientId ?? string.Empty,
            Sequence = clientId is null ? 0 : sequence,
            TimestampMicros = (clock.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks / TimeSpan.TicksPerMicrosecond,
            RandomSeed = BitConverter.ToUInt64(id[..8]),
        };
        foreach (var statement in statements)
        {
            var encoded = new Statement { Sql = statement.Sql };
            foreach (var parameter in statement.Parameters)
            {
                encoded.Parameters.Add(SqlValueCodec.Encode(parameter));
            }

            batch.Statements.Add(encoded);
        }

        return batch;
    }
}
