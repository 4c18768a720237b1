using ReefDB.Node.Gateway;
using ReefDB.Node.Replicas;
using ReefDB.Replication;

namespace ReefDB.Node.Tests.Replicas;

/// <summary>
/// The replica's refusals become the gateway's stable codes: what invites a retry (no leader, overload) says so; a
/// timeout says the outcome is unknown and how to retry safely, never that the write failed.
/// </summary>
public sealed class RaftReplicaAdapterTests
{
    [Theory]
    [InlineData(RefusalReason.Overloaded, GatewayErrorCode.Overloaded, true)]
    [InlineData(RefusalReason.NoLeader, GatewayErrorCode.NoLeader, true)]
    [InlineData(RefusalReason.NotMember, GatewayErrorCode.InvalidOperation, false)]
    public async Task Refusals_keep_their_leader_and_say_whether_to_retry(RefusalReason reason, string code, bool retryable)
    {
        var error = await Assert.ThrowsAsync<GatewayException>(() =>
            RaftReplicaAdapter.Map<int>(() => throw new ProposalRefusedException(reason, 3, "1024 proposals are already pending")));

        Assert.Equal((code, retryable, 3UL), (error.Code, error.Retryable, error.LeaderId));
    }

    [Fact]
    public async Task A_timed_out_write_is_outcome_unknown_and_names_client_id_and_seq()
    {
        var error = await Assert.ThrowsAsync<GatewayException>(() =>
            RaftReplicaAdapter.Map<int>(() => throw new OutcomeUnknownException("The write was not applied within 10000 ms.", 2)));

        Assert.Equal(GatewayErrorCode.OutcomeUnknown, error.Code);
        Assert.False(error.Retryable);
        Assert.Contains("may or may not be applied", error.Message, StringComparison.Ordinal);
        Assert.Contains("client_id and seq", error.Message, StringComparison.Ordinal);
    }
}
