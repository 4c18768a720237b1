using Google.Protobuf;
using ReefDB.StateMachine.Sessions;

namespace ReefDB.StateMachine.Tests.Sessions;

public sealed class ClientSessionTableTests
{
    private static readonly SessionPolicy Policy = new() { ExpireAfterEntries = 100, MaxSessions = 3 };

    private static ByteString Outcome(string text) => ByteString.CopyFromUtf8(text);

    [Fact]
    public void Unknown_client_and_newer_sequence_are_applied()
    {
        var table = ClientSessionTable.Empty.Record("a", 5, Outcome("five"), 10, Policy);

        Assert.Equal(SessionCheckKind.Apply, table.Check("b", 1).Kind);
        Assert.Equal(SessionCheckKind.Apply, table.Check("a", 6).Kind);
    }

    [Fact]
    public void Retry_of_last_sequence_answers_with_the_original_outcome()
    {
        var table = ClientSessionTable.Empty.Record("a", 5, Outcome("five"), 10, Policy);

        var check = table.Check("a", 5);

        Assert.Equal(SessionCheckKind.Duplicate, check.Kind);
        Assert.Equal("five", check.Outcome!.ToStringUtf8());
    }

    [Fact]
    public void Retry_of_an_older_sequence_is_stale()
    {
        var table = ClientSessionTable.Empty
            .Record("a", 5, Outcome("five"), 10, Policy)
            .Record("a", 6, Outcome("six"), 11, Policy);

        var check = table.Check("a", 5);

        Assert.Equal(SessionCheckKind.Stale, check.Kind);
        Assert.Equal(6UL, check.LastSequence);
    }

    [Fact]
    public void Sessions_idle_for_longer_than_the_policy_expire_at_the_same_log_index()
    {
        var table = ClientSessionTable.Empty
            .Record("old", 1, Outcome("x"), 10, Policy)
            .Record("new", 1, Outcome("y"), 60, Policy);

        Assert.Equal(2, table.Expire(110, Policy).Count);
        var expired = table.Expire(111, Policy);

        Assert.Equal(["new"], expired.Sessions.Select(s => s.ClientId));
        Assert.Equal(SessionCheckKind.Apply, expired.Check("old", 1).Kind);
    }

    [Fact]
    public void Beyond_the_session_limit_the_least_recently_active_is_evicted()
    {
        var table = ClientSessionTable.Empty
            .Record("c", 1, Outcome("c"), 1, Policy)
            .Record("b", 1, Outcome("b"), 2, Policy)
            .Record("a", 1, Outcome("a"), 3, Policy)
            .Record("c", 2, Outcome("c2"), 4, Policy) // c becomes the most recent
            .Record("d", 1, Outcome("d"), 5, Policy);

        Assert.Equal(["a", "c", "d"], table.Sessions.Select(s => s.ClientId));
    }

    [Fact]
    public void Recording_leaves_the_previous_table_unchanged()
    {
        var before = ClientSessionTable.Empty.Record("a", 1, Outcome("one"), 1, Policy);

        _ = before.Record("a", 2, Outcome("two"), 2, Policy);

        Assert.Equal(1UL, before.Sessions.Single().LastSequence);
    }

    [Fact]
    public void Rebuilding_from_sessions_gives_the_same_decisions()
    {
        var table = ClientSessionTable.Empty
            .Record("a", 3, Outcome("a3"), 7, Policy)
            .Record("b", 9, Outcome("b9"), 8, Policy);

        var rebuilt = ClientSessionTable.FromSessions(table.Sessions.Reverse());

        Assert.Equal(table.Sessions, rebuilt.Sessions);
        Assert.Equal("a3", rebuilt.Check("a", 3).Outcome!.ToStringUtf8());
        Assert.Throws<InvalidDataException>(() => ClientSessionTable.FromSessions([.. table.Sessions, table.Sessions.First()]));
    }
}
