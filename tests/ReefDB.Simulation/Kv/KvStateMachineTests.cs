using ReefDB.Simulation.Linearizability;

namespace ReefDB.Simulation.Kv;

public sealed class KvStateMachineTests
{
    [Fact]
    public void A_duplicated_request_is_applied_once_and_answered_with_the_first_outcome()
    {
        var machine = new KvStateMachine();
        machine.Apply(new KvCommand(1, KvOperationKind.Put, "k", "a", null));
        var swap = new KvCommand(2, KvOperationKind.Cas, "k", "b", "a");

        var first = machine.Apply(swap);
        machine.Apply(new KvCommand(3, KvOperationKind.Put, "k", "c", null));
        var duplicate = machine.Apply(swap);

        Assert.True(first.Swapped);
        Assert.True(duplicate.Swapped);
        Assert.Equal("c", machine.Get("k"));
    }

    [Fact]
    public void A_snapshot_restores_values_and_remembered_outcomes()
    {
        var machine = new KvStateMachine();
        machine.Apply(new KvCommand(1, KvOperationKind.Put, "k", "a", null));
        machine.Apply(new KvCommand(2, KvOperationKind.Cas, "j", "x", "nope"));

        var restored = new KvStateMachine();
        restored.Restore(machine.Serialize());

        Assert.Equal("a", restored.Get("k"));
        Assert.Null(restored.Get("j"));
        Assert.False(restored.Apply(new KvCommand(2, KvOperationKind.Cas, "j", "x", null)).Swapped);
        Assert.Equal(machine.Serialize(), restored.Serialize());
    }

    [Fact]
    public void Commands_survive_encoding()
    {
        var command = new KvCommand(long.MaxValue, KvOperationKind.Cas, "key", "new", null);

        Assert.Equal(command, KvCommand.Decode(command.Encode()));
    }
}
