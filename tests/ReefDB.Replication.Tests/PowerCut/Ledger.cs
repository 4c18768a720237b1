using System.Collections.Concurrent;
using System.Globalization;
using Google.Protobuf;
using ReefDB.StateMachine;
using ReefDB.StateMachine.Encoding;

namespace ReefDB.Replication.Tests.PowerCut;

/// <summary>
/// A workload whose effects can be checked: batch <c>b</c> inserts <c>n</c> rows <c>(b * 10 + k, b, n)</c> into table
/// <c>w</c>, one statement per row, so a batch applied only in part would show as fewer than <c>n</c> rows. The
/// ledger remembers which batches a replica acknowledged.
/// </summary>
internal sealed class Ledger
{
    public const string CreateTable = "CREATE TABLE IF NOT EXISTS w (id INT PRIMARY KEY, batch INT NOT NULL, size INT NOT NULL)";

    private readonly ConcurrentDictionary<long, int> acknowledged = new();
    private readonly ConcurrentBag<string> failures = [];
    private long nextBatch;

    public int Acknowledged => acknowledged.Count;

    /// <summary>A new batch of 1 to 4 rows, with its number and size. <paramref name="client"/> and
    /// <paramref name="sequence"/> make a retry exactly-once (the state machine answers a duplicate with the first
    /// outcome).</summary>
    public (long Batch, int Size, CommandBatch Command) Next(Random random, string client = "", ulong sequence = 0)
    {
        var batch = Interlocked.Increment(ref nextBatch);
        int size;
        lock (random)
        {
            size = random.Next(1, 5);
        }

        var command = new CommandBatch
        {
            FormatVersion = ApplyFormat.Current,
            BatchId = ByteString.CopyFrom(BitConverter.GetBytes(batch)),
            ClientId = client,
            Sequence = sequence,
            TimestampMicros = 1_700_000_000_000_000,
            RandomSeed = (ulong)batch,
        };
        for (var k = 0; k < size; k++)
        {
            command.Statements.Add(new Statement { Sql = string.Create(CultureInfo.InvariantCulture, $"INSERT INTO w VALUES ({batch * 10 + k}, {batch}, {size})") });
        }

        return (batch, size, command);
    }

    /// <summary>Records a batch's answer: acknowledged when it succeeded. A failed batch is a bug here (the table
    /// exists and ids are unique; a retry applied twice would fail on its primary key): kept for the report.</summary>
    public void Answered(long batch, int size, AppliedBatch answer)
    {
        if (answer.Failed)
        {
            failures.Add($"batch {batch} failed: {answer.Outcome.Statements.First(s => s.Error is not null).Error}");
            return;
        }

        acknowledged[batch] = size;
    }

    /// <summary>Batches answered with an error (none expected).</summary>
    public IReadOnlyCollection<string> Failures => failures;

    /// <summary>The rows of <paramref name="replica"/>'s published state, as "id|batch|size".</summary>
    public static List<string> Rows(RaftReplica replica) => Batches.Query(replica, "SELECT id, batch, size FROM w ORDER BY id");

    /// <summary>Null when every acknowledged batch is on <paramref name="replica"/> whole and every batch there is
    /// whole; otherwise what is wrong.</summary>
    public string? Problem(RaftReplica replica)
    {
        if (!failures.IsEmpty)
        {
            return string.Join("; ", failures.Take(5));
        }

        var present = new Dictionary<long, (int Rows, int Size)>();
        foreach (var row in Rows(replica))
        {
            var fields = row.Split('|');
            var batch = long.Parse(fields[1], CultureInfo.InvariantCulture);
            var size = int.Parse(fields[2], CultureInfo.InvariantCulture);
            present[batch] = (present.GetValueOrDefault(batch).Rows + 1, size);
        }

        var missing = acknowledged.Keys.Where(b => !present.ContainsKey(b)).Order().ToList();
        if (missing.Count > 0)
        {
            return $"node {replica.NodeId}: {missing.Count} acknowledged batches missing (first: {string.Join(", ", missing.Take(10))})";
        }

        var partial = present.Where(p => p.Value.Rows != p.Value.Size).Select(p => p.Key).Order().ToList();
        return partial.Count > 0
            ? $"node {replica.NodeId}: batches applied in part: {string.Join(", ", partial.Take(10))}"
            : null;
    }
}
