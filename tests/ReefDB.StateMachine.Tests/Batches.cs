using Google.Protobuf;
using ReefDB.StateMachine.Encoding;

namespace ReefDB.StateMachine.Tests;

/// <summary>Builds command batches as a leader would, with fixed stamps so tests are reproducible.</summary>
internal static class Batches
{
    public static readonly DateTime Stamp = new(2026, 11, 26, 12, 30, 15, DateTimeKind.Utc);

    public static CommandBatch Of(params string[] statements) => With(0, statements);

    public static CommandBatch With(ulong seed, params string[] statements)
    {
        var batch = new CommandBatch
        {
            FormatVersion = ApplyFormat.Current,
            BatchId = ByteString.CopyFrom(new byte[16]),
            TimestampMicros = (Stamp - DateTime.UnixEpoch).Ticks / TimeSpan.TicksPerMicrosecond,
            RandomSeed = seed,
        };
        foreach (var sql in statements)
        {
            batch.Statements.Add(new Statement { Sql = sql });
        }

        return batch;
    }

    public static CommandBatch FromClient(string clientId, ulong sequence, params string[] statements)
    {
        var batch = Of(statements);
        batch.ClientId = clientId;
        batch.Sequence = sequence;
        return batch;
    }

    /// <summary>Every row of every table, in key order, as text: equal dumps mean equal contents.</summary>
    public static string Dump(ReefStateMachine machine)
    {
        var database = machine.Current.Database;
        var lines = new List<string>();
        foreach (var table in database.TableNames)
        {
            var result = machine.Engine.Execute(database, $"SELECT * FROM \"{table}\"").Results[0];
            lines.Add($"{table}:");
            lines.AddRange(result.Rows.Select(row => string.Join('|', row.Select(v => v.ToString()))).Order(StringComparer.Ordinal));
        }

        return string.Join('\n', lines);
    }
}
