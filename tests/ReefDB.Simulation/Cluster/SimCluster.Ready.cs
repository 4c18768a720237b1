using System.Buffers.Binary;
using ReefDB.Raft;
using ReefDB.Raft.Configuration;
using ReefDB.Raft.Messages;
using ReefDB.Simulation.Invariants;
using ReefDB.Simulation.Kv;
using ReefDB.Simulation.Network;

namespace ReefDB.Simulation.Cluster;

/// <summary>The driver: what a real node runtime does with each Ready, in the order DESIGN.md §5 requires.</summary>
internal sealed partial class SimCluster
{
    /// <summary>Chance that a node crashes while handling a Ready (before or after persisting it).</summary>
    private double CrashInReadyRate => faultsActive ? options.FaultRate / 20 : 0;

    private void Drain(SimNode node)
    {
        while (node.Raft is { } raft && raft.HasReady)
        {
            HandleReady(node, raft, raft.GetReady());
        }
    }

    private void HandleReady(SimNode node, RaftNode raft, Ready ready)
    {
        if (random.NextDouble() < CrashInReadyRate)
        {
            Crash(node, "before persisting its Ready (everything in it is lost)");
            return;
        }

        if (ready.HardState is { } hardState)
        {
            node.HardState = hardState;
        }

        if (ready.SoftState is { } softState)
        {
            ObserveSoftState(node, softState);
        }

        if (ready.Snapshot is { IsEmpty: false } snapshot)
        {
            InstallSnapshot(node, snapshot);
        }

        invariants.ObservePersisted(node.Id, ready.Entries, node.HardState.Commit);
        node.Disk.Append(ready.Entries);
        if (ready.HardState is { } persisted)
        {
            node.Disk.SetHardState(persisted);
        }

        CheckNewLeaderLog(node);
        if (random.NextDouble() < CrashInReadyRate)
        {
            Crash(node, "after persisting its Ready, before sending its messages");
            return;
        }

        foreach (var message in ready.Messages)
        {
            // A snapshot travels as a stream whose failure the sender notices; other messages can vanish silently.
            var outcome = network.Send(message.From, message.To, message, now);
            if (outcome == SendOutcome.Cut || (outcome == SendOutcome.Lost && message.Type == MessageType.Snapshot))
            {
                node.TransportFailures.Add(message);
            }
        }

        foreach (var entry in ready.CommittedEntries)
        {
            ApplyEntry(node, entry);
        }

        foreach (var readState in ready.ReadStates)
        {
            ReceiveReadState(node, readState);
        }

        raft.Advance(ready);
        ServeWaitingReads(node);
        var failures = node.TransportFailures.ToArray();
        node.TransportFailures.Clear();
        foreach (var failed in failures)
        {
            ReportTransportFailure(failed.From, failed.To, failed);
        }
    }

    private void ObserveSoftState(SimNode node, SoftState softState)
    {
        if (softState.Role == RaftRole.Leader && node.SoftState.Role != RaftRole.Leader)
        {
            invariants.ObserveLeader(node.Id, node.Raft!.Term);
            node.CommittedWhenElected = invariants.MaxCommittedIndex;
            Stats.Elections++;
            Trace.Add(now, Format($"node {node.Id} becomes LEADER of term {node.Raft!.Term}"));
        }
        else if (softState.Role != node.SoftState.Role || softState.Leader != node.SoftState.Leader)
        {
            Trace.Add(now, Format($"node {node.Id} is {softState.Role} (leader {softState.Leader}, term {node.HardState.Term})"));
        }

        if (softState.Role != RaftRole.Leader)
        {
            node.CommittedWhenElected = null;
        }

        node.SoftState = softState;
    }

    private void CheckNewLeaderLog(SimNode node)
    {
        if (node.CommittedWhenElected is not { } committed)
        {
            return;
        }

        node.CommittedWhenElected = null;
        var disk = node.Disk;
        invariants.CheckLeaderLog(node.Id, node.HardState.Term, committed, disk.FirstIndex, disk.LastIndex, index => disk.Entries(index, index + 1, ulong.MaxValue)[0]);
    }

    private void InstallSnapshot(SimNode node, Snapshot snapshot)
    {
        var index = snapshot.Metadata.Index;
        if (index < node.Applied)
        {
            RaftInvariants.Fail(Format($"node {node.Id} was handed snapshot {index} after applying {node.Applied}: applied index would go backwards"));
        }

        var committed = invariants.CommittedEntry(index);
        if (committed is { } entry && entry.Term != snapshot.Metadata.Term)
        {
            RaftInvariants.Fail(Format($"node {node.Id} installs snapshot {snapshot.Metadata.Term}/{index}, but {entry.Term}/{index} was committed"));
        }

        node.Disk.ApplySnapshot(snapshot);
        node.Machine.Restore(snapshot.Data);
        node.Applied = index;
        Stats.SnapshotsInstalled++;
        Trace.Add(now, Format($"node {node.Id} installs snapshot {snapshot.Metadata.Term}/{index} {snapshot.Metadata.Membership}"));
    }

    private void ApplyEntry(SimNode node, Entry entry)
    {
        if (entry.Index != node.Applied + 1)
        {
            RaftInvariants.Fail(Format($"node {node.Id} applies {entry.Term}/{entry.Index} after {node.Applied}: applied entries must be contiguous and never go backwards"));
        }

        var firstApplication = invariants.ObserveApplied(node.Id, entry);
        node.Applied = entry.Index;
        if (entry.Type == EntryType.ConfChange)
        {
            var (change, result) = ConfChangeCodec.Decode(entry.Data.Span);
            Stats.ConfChangesCommitted += firstApplication ? 1 : 0;
            Trace.Add(now, Format($"node {node.Id} applies {entry.Term}/{entry.Index} conf change {change} -> {result}"));
            if (change.Type == ConfChangeType.RemoveNode && change.NodeId == node.Id)
            {
                node.Removed = true;
            }

            return;
        }

        if (entry.Data.IsEmpty)
        {
            return;
        }

        var command = KvCommand.Decode(entry.Data);
        var result2 = node.Machine.Apply(command);
        if (requests.TryGetValue(command.RequestId, out var request) && request.Node == node.Id)
        {
            maxAcknowledgedWriteIndex = Math.Max(maxAcknowledgedWriteIndex, entry.Index);
            Trace.Add(now, Format($"node {node.Id} applies {entry.Term}/{entry.Index} request #{command.RequestId}: ok"));
            Resolve(request, result2.ReadValue, result2.Swapped);
        }
    }

    private void ReceiveReadState(SimNode node, ReadState readState)
    {
        if (readState.Context.Length != sizeof(long))
        {
            return;
        }

        var requestId = BinaryPrimitives.ReadInt64LittleEndian(readState.Context.Span);
        if (requests.TryGetValue(requestId, out var request) && request.Node == node.Id && request.ReadIndex is null)
        {
            if (readState.Index < request.MustSeeIndex)
            {
                RaftInvariants.Fail(Format($"read #{requestId} on node {node.Id} got read index {readState.Index}, but a write at index {request.MustSeeIndex} was acknowledged before the read began"));
            }

            request.ReadIndex = readState.Index;
            node.WaitingReads.Add((requestId, readState.Index));
            Trace.Add(now, Format($"node {node.Id} read #{requestId} has read index {readState.Index} (applied {node.Applied})"));
        }
    }

    private void ServeWaitingReads(SimNode node)
    {
        for (var i = node.WaitingReads.Count - 1; i >= 0; i--)
        {
            var (requestId, index) = node.WaitingReads[i];
            if (index > node.Applied)
            {
                continue;
            }

            node.WaitingReads.RemoveAt(i);
            if (requests.TryGetValue(requestId, out var request))
            {
                var value = node.Machine.Get(request.Key);
                Trace.Add(now, Format($"node {node.Id} serves read #{requestId} at applied {node.Applied}: {value ?? "nil"}"));
                Resolve(request, value, swapped: false);
            }
        }
    }
}
