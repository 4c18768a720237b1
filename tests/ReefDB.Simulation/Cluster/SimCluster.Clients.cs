using System.Buffers.Binary;
using ReefDB.Raft;
using ReefDB.Simulation.Clients;
using ReefDB.Simulation.Invariants;
using ReefDB.Simulation.Kv;
using ReefDB.Simulation.Linearizability;

namespace ReefDB.Simulation.Cluster;

/// <summary>
/// Clients: each issues one operation at a time to the node it believes leads (or any live node), and
/// records invoke / ok / fail / timeout in the history the linearizability checker verifies.
/// </summary>
internal sealed partial class SimCluster
{
    private void DriveClients(bool chaos)
    {
        foreach (var client in clients)
        {
            if (client.Current is { } current && now >= current.Deadline)
            {
                TimeOut(current, "deadline passed");
            }

            if (chaos && client.Current is null && now >= client.BackOffUntil && random.NextDouble() < 0.3)
            {
                var kind = random.Next(10) switch { < 4 => KvOperationKind.Get, < 8 => KvOperationKind.Put, _ => KvOperationKind.Cas };
                Invoke(client, kind);
            }
        }
    }

    /// <summary>Invokes an operation at <paramref name="target"/>, or at a node the client picks.</summary>
    private void Invoke(SimClient client, KvOperationKind kind, SimNode? target = null)
    {
        var node = target ?? PickNode(client);
        if (node?.Raft is not { } raft)
        {
            return;
        }

        var key = "k" + random.Next(options.Keys).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var deadline = now + options.ClientTimeoutTicks;
        int id;
        try
        {
            if (kind == KvOperationKind.Get)
            {
                id = history.InvokeGet(client.Id, key);
                Track(client, new ClientRequest(id, kind, key, node.Id, deadline) { MustSeeIndex = maxAcknowledgedWriteIndex });
                Trace.Add(now, Format($"client {client.Id} read #{id} {key} at node {node.Id}"));
                var context = new byte[sizeof(long)];
                BinaryPrimitives.WriteInt64LittleEndian(context, id);
                raft.ReadIndex(context);
            }
            else
            {
                var value = "v" + history.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var expected = node.Machine.Get(key);
                id = kind == KvOperationKind.Put ? history.InvokePut(client.Id, key, value) : history.InvokeCas(client.Id, key, expected, value);
                Track(client, new ClientRequest(id, kind, key, node.Id, deadline));
                Trace.Add(now, Format($"client {client.Id} {kind} #{id} {key}={value} at node {node.Id}"));
                raft.Propose(new KvCommand(id, kind, key, value, expected).Encode());
            }
        }
        catch (ProposalDroppedException dropped)
        {
            var request = client.Current!;
            requests.Remove(request.HistoryId);
            client.Current = null;
            client.LeaderHint = dropped.Leader;
            client.BackOffUntil = now + random.Next(1, options.ElectionTick);
            history.Fail(request.HistoryId);
            Trace.Add(now, Format($"client {client.Id} #{request.HistoryId} refused by node {node.Id}: {dropped.Reason}"));
            return;
        }

        Drain(node);
    }

    private SimNode? PickNode(SimClient client)
    {
        if (nodes.TryGetValue(client.LeaderHint, out var hinted) && hinted.IsUp && random.Next(5) != 0)
        {
            return hinted;
        }

        var up = nodes.Values.Where(n => n.IsUp).ToList();
        return up.Count == 0 ? null : up[random.Next(up.Count)];
    }

    private void Track(SimClient client, ClientRequest request)
    {
        client.Current = request;
        requests[request.HistoryId] = request;
    }

    private void Resolve(ClientRequest request, string? readValue, bool swapped)
    {
        history.Ok(request.HistoryId, readValue, swapped);
        if (request.Kind != KvOperationKind.Get)
        {
            NoteAcknowledged(ClientOf(request));
        }

        Finish(request);
    }

    private void TimeOut(ClientRequest request, string reason)
    {
        history.Timeout(request.HistoryId);
        Trace.Add(now, Format($"request #{request.HistoryId} at node {request.Node} times out: {reason}"));
        Finish(request);
    }

    private int ClientOf(ClientRequest request) => clients.First(c => c.Current == request).Id;

    private void Finish(ClientRequest request)
    {
        requests.Remove(request.HistoryId);
        foreach (var client in clients)
        {
            if (client.Current == request)
            {
                client.Current = null;
                client.LeaderHint = nodes.TryGetValue(request.Node, out var node) ? node.SoftState.Leader : 0;
            }
        }
    }

    private void CheckHistory()
    {
        var operations = history.Operations();
        foreach (var operation in operations)
        {
            switch (operation.Outcome)
            {
                case KvOutcome.Ok when operation.Kind == KvOperationKind.Get:
                    Stats.ReadsOk++;
                    break;
                case KvOutcome.Ok:
                    Stats.WritesOk++;
                    break;
                case KvOutcome.Fail:
                    Stats.Refused++;
                    break;
                default:
                    Stats.Unknown++;
                    break;
            }
        }

        var result = LinearizabilityChecker.Check(operations);
        if (result.Verdict != LinearizabilityVerdict.Linearizable)
        {
            RaftInvariants.Fail("client history: " + result.Describe());
        }
    }
}
