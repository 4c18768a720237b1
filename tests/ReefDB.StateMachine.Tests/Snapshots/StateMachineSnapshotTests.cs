using ReefDB.Sql.Errors;
using ReefDB.StateMachine.Snapshots;

namespace ReefDB.StateMachine.Tests.Snapshots;

public sealed class StateMachineSnapshotTests
{
    private static ReefStateMachine Populated()
    {
        var machine = new ReefStateMachine();
        machine.Apply(1, Batches.Of("CREATE TABLE t (id INT PRIMARY KEY, v TEXT)"));
        machine.Apply(2, Batches.FromClient("writer", 1, "INSERT INTO t VALUES (1, 'one')"));
        machine.Apply(3, Batches.FromClient("other", 5, "INSERT INTO t VALUES (2, 'two')"));
        return machine;
    }

    private static byte[] Snapshot(StateMachineState state)
    {
        using var stream = new MemoryStream();
        StateMachineSnapshot.Write(state, stream);
        return stream.ToArray();
    }

    [Fact]
    public void A_restored_replica_continues_exactly_where_the_original_was()
    {
        var original = Populated();
        var restored = new ReefStateMachine(StateMachineSnapshot.Read(new MemoryStream(Snapshot(original.Current))));
        var retry = Batches.FromClient("writer", 1, "INSERT INTO t VALUES (1, 'one')");
        var next = Batches.FromClient("writer", 2, "INSERT INTO t VALUES (3, 'three')");

        Assert.Equal(3UL, restored.Current.AppliedIndex);
        Assert.Equal(original.Apply(4, retry.Clone()).Outcome, restored.Apply(4, retry).Outcome);
        Assert.Equal(original.Apply(5, next.Clone()).Outcome, restored.Apply(5, next).Outcome);
        Assert.Equal(Batches.Dump(original), Batches.Dump(restored));
    }

    [Fact]
    public void Corruption_anywhere_is_detected_and_reported_as_data_corrupted()
    {
        var bytes = Snapshot(Populated().Current);

        for (var i = 0; i < bytes.Length; i += 3)
        {
            var corrupt = (byte[])bytes.Clone();
            corrupt[i] ^= 0x01;

            Assert.Equal(SqlStates.DataCorrupted, Assert.Throws<SqlException>(() => StateMachineSnapshot.Read(new MemoryStream(corrupt))).SqlState);
        }

        Assert.Equal(SqlStates.DataCorrupted, Assert.Throws<SqlException>(() => StateMachineSnapshot.Read(new MemoryStream(bytes[..^1]))).SqlState);
    }
}
