namespace ReefDB.Cli.Bench;

/// <summary>Which endpoint each client talks to, relative to the endpoint that leads when the cell starts.</summary>
internal enum ClientPlacement
{
    /// <summary>Client i uses the (i+1)-th endpoint after the leader, cycling over all of them, as etcd's own
    /// benchmark spreads its clients: followers forward ReefDB writes to the leader (etcd followers do the same with
    /// proposals). Counting from the leader rather than from the first endpoint gives both targets the same share of
    /// clients on their leader whichever member won the election: one client is always on a follower (its writes
    /// forwarded), 16 clients put 5 on the leader and 6 and 5 on the followers.</summary>
    Spread,

    /// <summary>Every client talks to the current leader: no forwarding hop.</summary>
    Leader,
}

/// <summary>The endpoint of each client under a <see cref="ClientPlacement"/>.</summary>
internal static class ClientPlacements
{
    /// <param name="placement">The placement of the cell.</param>
    /// <param name="client">The client's index, from 0.</param>
    /// <param name="leader">The index of the endpoint that leads.</param>
    /// <param name="endpointCount">How many endpoints the target has.</param>
    public static int EndpointOf(this ClientPlacement placement, int client, int leader, int endpointCount) =>
        placement == ClientPlacement.Leader ? leader : (leader + 1 + client) % endpointCount;
}
