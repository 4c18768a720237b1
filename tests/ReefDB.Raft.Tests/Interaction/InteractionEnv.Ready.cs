using ReefDB.Raft.Messages;

namespace ReefDB.Raft.Tests.Interaction;

/// <summary>Handling Readies and moving messages, printing what happens.</summary>
internal sealed partial class InteractionEnv
{
    /// <summary>Handles one Ready on <paramref name="id"/> as the driver contract says; false if it had none.</summary>
    private bool ProcessReady(ulong id)
    {
        var node = Node(id);
        if (!node.Raft.HasReady)
        {
            return false;
        }

        var ready = node.Raft.GetReady();
        output.Add(Invariant($"> {id} handling Ready"));
        if (ready.SoftState is { } soft)
        {
            output.Add(Invariant($"  State:{soft.Role} Lead:{soft.Leader}"));
        }

        if (ready.HardState is { } hard)
        {
            output.Add(Invariant($"  HardState Term:{hard.Term} Vote:{hard.Vote} Commit:{hard.Commit}{(ready.MustSync ? "" : " (no sync)")}"));
        }

        if (ready.Snapshot is { } snapshot)
        {
            output.Add(Invariant($"  Snapshot Index:{snapshot.Metadata.Index} Term:{snapshot.Metadata.Term} {snapshot.Metadata.Membership}"));
            node.Storage.ApplySnapshot(snapshot);
        }

        AddList("Entries:", ready.Entries.Select(MessageFormatter.Format));
        node.Storage.Append(ready.Entries);
        if (ready.HardState is { } toPersist)
        {
            node.Storage.SetHardState(toPersist);
        }

        AddList("Messages:", ready.Messages.Select(MessageFormatter.Format));
        queue.AddRange(ready.Messages);
        AddList("CommittedEntries:", ready.CommittedEntries.Select(MessageFormatter.Format));
        foreach (var entry in ready.CommittedEntries)
        {
            if (entry.Type == EntryType.Normal && !entry.Data.IsEmpty)
            {
                node.Applied.Add(entry);
            }
        }

        AddList("ReadStates:", ready.ReadStates.Select(r => Invariant($"Index:{r.Index} Context:{MessageFormatter.FormatBytes(r.Context.Span)}")));
        TrackState(id, () => node.Raft.Advance(ready));
        return true;
    }

    private void AddList(string title, IEnumerable<string> lines)
    {
        var items = lines.ToList();
        if (items.Count == 0)
        {
            return;
        }

        output.Add("  " + title);
        output.AddRange(items.Select(l => "    " + l));
    }

    private void DeliverMessages(Args args)
    {
        var drop = args.Flag("drop");
        var ids = args.Ids();
        foreach (var id in ids.Count > 0 ? ids : [.. nodes.Keys])
        {
            DeliverTo(id, drop);
        }
    }

    /// <summary>Delivers (or drops) every queued message addressed to <paramref name="id"/>; false if none.</summary>
    private bool DeliverTo(ulong id, bool drop)
    {
        var batch = queue.Where(m => m.To == id).ToList();
        if (batch.Count == 0)
        {
            return false;
        }

        queue.RemoveAll(m => m.To == id);
        output.Add(drop ? Invariant($"> dropping messages to {id}") : Invariant($"> {id} receiving messages"));
        foreach (var m in batch)
        {
            if (drop)
            {
                output.Add("  " + MessageFormatter.Format(m));
                continue;
            }

            if (Separated(m.From, m.To))
            {
                output.Add("  " + MessageFormatter.Format(m) + " (lost: partitioned)");
                continue;
            }

            output.Add("  " + MessageFormatter.Format(m));
            if (nodes.ContainsKey(id))
            {
                TrackState(id, () => Node(id).Raft.Step(m));
            }
        }

        return true;
    }

    private void Stabilize(IReadOnlyList<ulong> ids)
    {
        for (var round = 0; round < 1000; round++)
        {
            var moved = false;
            foreach (var id in ids)
            {
                moved |= ProcessReady(id);
            }

            foreach (var id in ids)
            {
                moved |= DeliverTo(id, drop: false);
            }

            if (!moved)
            {
                return;
            }
        }

        throw new InvalidOperationException("stabilize: no quiescence after 1000 rounds.");
    }

    private bool Separated(ulong a, ulong b) =>
        partition.Count > 0 && partition.GetValueOrDefault(a) != partition.GetValueOrDefault(b);

    /// <summary><c>partition 1 2 / 3</c>: nodes in different groups cannot talk; unlisted nodes form group 0.</summary>
    private void Partition(string line)
    {
        partition.Clear();
        var groups = line["partition".Length..].Split('/');
        for (var g = 0; g < groups.Length; g++)
        {
            foreach (var token in groups[g].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                partition[ulong.Parse(token, System.Globalization.CultureInfo.InvariantCulture)] = g + 1;
            }
        }

        output.Add("ok");
    }

    private void Status(ulong id)
    {
        var status = Node(id).Raft.Status;
        if (status.Progress.Count == 0)
        {
            output.Add(Invariant($"{id} is {status.SoftState.Role}: no progress to show"));
            return;
        }

        foreach (var p in status.Progress)
        {
            output.Add(Invariant($"{p.Id}: {p.Description}"));
        }
    }

    private void RaftState()
    {
        foreach (var (id, node) in nodes)
        {
            var s = node.Raft.Status;
            output.Add(Invariant(
                $"{id}: {s.SoftState.Role} term={s.HardState.Term} lead={s.SoftState.Leader} commit={s.HardState.Commit} applied={s.Applied} last={s.LastIndex} {s.Membership}"));
        }
    }

    private void RaftLog(ulong id)
    {
        var storage = Node(id).Storage;
        if (storage.LastIndex < storage.FirstIndex)
        {
            output.Add(Invariant($"log is empty: first index={storage.FirstIndex}, last index={storage.LastIndex}"));
            return;
        }

        if (storage.FirstIndex > 1)
        {
            output.Add(Invariant($"compacted up to {storage.FirstIndex - 1} (snapshot term {storage.Term(storage.FirstIndex - 1)})"));
        }

        foreach (var entry in storage.Entries(storage.FirstIndex, storage.LastIndex + 1, ulong.MaxValue))
        {
            output.Add(MessageFormatter.Format(entry));
        }
    }

    private void Applied(ulong id) =>
        output.Add(Invariant($"{id} applied: [{string.Join(", ", Node(id).AppliedText())}]"));
}
