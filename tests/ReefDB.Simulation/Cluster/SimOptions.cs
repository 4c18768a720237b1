using System.Globalization;

namespace ReefDB.Simulation.Cluster;

/// <summary>
/// The shape of one simulated run, drawn from the seed so that different seeds explore 3 and 5 voters,
/// with and without learners, and calmer or harsher networks.
/// </summary>
internal sealed record SimOptions(
    int Voters,
    int Learners,
    int Clients,
    int Keys,
    int ChaosTicks,
    int LivenessTicks,
    int ElectionTick,
    int ClientTimeoutTicks,
    double FaultRate,
    bool AllowMembershipChanges,
    bool PreVote,
    bool CheckQuorum,
    int MaxInflightMessages,
    ulong MaxSizePerMessage,
    bool LeaseReads)
{
    /// <summary>The most node ids ever created in one run (membership changes add fresh ids, never reuse one).</summary>
    public const int MaxNodes = 9;

    public static SimOptions FromSeed(Random random) => WithLeaseReads(new(
        Voters: random.Next(2) == 0 ? 3 : 5,
        Learners: random.Next(3) == 0 ? random.Next(1, 3) : 0,
        Clients: random.Next(3, 7),
        Keys: random.Next(1, 4),
        ChaosTicks: 500,
        LivenessTicks: 400,
        ElectionTick: 10,
        ClientTimeoutTicks: random.Next(30, 80),
        FaultRate: random.Next(4) switch { 0 => 0.005, 1 => 0.02, 2 => 0.05, _ => 0.1 },
        AllowMembershipChanges: random.Next(3) != 0,
        PreVote: random.Next(5) != 0,
        CheckQuorum: random.Next(5) != 0,
        MaxInflightMessages: random.Next(1, 9),
        MaxSizePerMessage: random.Next(3) switch { 0 => 64UL, 1 => 256UL, _ => 4096UL },
        LeaseReads: false), random);

    /// <summary>
    /// Lease reads are only valid with check-quorum and clocks that run at the same rate: a quarter of such
    /// seeds use them, and those seeds never skip a tick (see <see cref="ReefDB.Raft.ReadOnlyOption.LeaseBased"/>).
    /// </summary>
    private static SimOptions WithLeaseReads(SimOptions options, Random random) =>
        options with { LeaseReads = options.CheckQuorum && random.Next(4) == 0 };

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"voters={Voters} learners={Learners} clients={Clients} keys={Keys} faultRate={FaultRate} membershipChanges={AllowMembershipChanges} clientTimeout={ClientTimeoutTicks} preVote={PreVote} checkQuorum={CheckQuorum} maxInflight={MaxInflightMessages} maxMessageBytes={MaxSizePerMessage} leaseReads={LeaseReads}");
}
