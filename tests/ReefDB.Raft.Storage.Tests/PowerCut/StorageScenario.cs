using System.Globalization;
using ReefDB.Raft.Messages;

namespace ReefDB.Raft.Storage.Tests.PowerCut;

/// <summary>
/// One seeded run for <see cref="StoragePowerCutTests"/>: random storage calls until the power goes, restart, check
/// the recovered directory against what the completed calls wrote (the model) and the call in flight, repeat.
/// </summary>
internal sealed class StorageScenario(string directory, int seed, StorageScenario.Tally tally)
{
    private readonly Random random = new(seed);
    private readonly PowerCutFileSystem disk = new(directory);
    private readonly List<string> trace = [];
    private Model model = new();

    /// <summary>The last lines of what happened: calls, power cuts and what each file kept.</summary>
    public string Trace => string.Join('\n', trace.TakeLast(80));

    public void Run(int crashes)
    {
        var storage = Open();
        model = Model.Of(storage);
        for (var crash = 0; crash < crashes; crash++)
        {
            disk.CutPowerAfter(random.Next(1, 60));
            Call? inFlight = null;
            try
            {
                for (var calls = 0; calls < 500; calls++)
                {
                    inFlight = NextCall();
                    trace.Add("call " + inFlight);
                    inFlight.Run(storage);
                    model = inFlight.After(model);
                    inFlight = null;
                }

                disk.CutPower();
            }
            catch (IOException) when (disk.IsOff)
            {
                trace.Add("power cut during " + (inFlight?.ToString() ?? "nothing"));
            }

            storage.Dispose();
            trace.Add("restart:\n" + disk.Restart(random).TrimEnd());
            storage = Open();
            tally.Crashes++;
            tally.TornTails += storage.RecoveryWarnings.Count(w => w.Contains("torn", StringComparison.Ordinal));
            Check(storage, inFlight);
            model = Model.Of(storage);
        }

        storage.Dispose();
    }

    /// <summary>Opens the directory on the real file system (no simulation), for corruption checks.</summary>
    public DurableRaftStorage OpenPlain() => DurableRaftStorage.Open(directory, Fixtures.Identity, Fixtures.Bootstrap);

    private DurableRaftStorage Open() => DurableRaftStorage.Open(
        directory, Fixtures.Identity, Fixtures.Bootstrap, new DurableRaftStorageOptions { SegmentBytes = 8192, CacheBytes = 2048, FileSystem = disk });

    private void Check(DurableRaftStorage storage, Call? inFlight)
    {
        var recovered = Model.Of(storage);
        trace.Add($"recovered: {recovered}; before the cut: {model}");
        var candidate = inFlight?.After(model);
        Require(recovered.Hard == model.Hard || recovered.Hard == candidate?.Hard, "the hard state is neither the last one written nor the one in flight");

        var basis = model;
        if (recovered.SnapshotIndex != model.SnapshotIndex)
        {
            Require(candidate is not null && recovered.SnapshotIndex == candidate.SnapshotIndex, "a snapshot appeared from nowhere or vanished");
            basis = candidate!;
        }

        Require(recovered.SnapshotData.AsSpan().SequenceEqual(basis.SnapshotData), "the snapshot's payload differs");
        if (inFlight is ApplySnapshotCall && basis == candidate)
        {
            Require(recovered.Last == basis.SnapshotIndex, "the log was not reset after the installed snapshot");
            tally.SnapshotsInstalled++;
            return;
        }

        // Entries up to where the call in flight changes the log are acknowledged: all there. After it, the
        // recovered log follows either the old log or the new one (a prefix of it), never a mix.
        var changedFrom = inFlight is AppendCall append ? Math.Min(append.Entries[0].Index, model.Last + 1) : model.Last + 1;
        Require(recovered.Last >= changedFrom - 1, $"acknowledged entries are lost: the log ends at {recovered.Last}, not at {changedFrom - 1} or later");
        for (var i = recovered.First; i < changedFrom; i++)
        {
            Require(Same(recovered.Entries[i], model.Entries[i]), $"entry {i} differs from the acknowledged one");
        }

        var followsOld = true;
        var followsNew = true;
        for (var i = changedFrom; i <= recovered.Last; i++)
        {
            followsOld &= model.Entries.TryGetValue(i, out var old) && Same(recovered.Entries[i], old);
            followsNew &= candidate is not null && candidate.Entries.TryGetValue(i, out var fresh) && Same(recovered.Entries[i], fresh);
        }

        Require(followsOld || followsNew, $"entries from {changedFrom} mix the old and the new log, or hold bytes never written");
    }

    private Call NextCall()
    {
        var term = model.Term;
        var roll = random.Next(100);
        var settled = Math.Max(model.Hard.Commit, model.First - 1); // committed or compacted: never overwritten
        if (roll < 10 && model.Last > settled)
        {
            tally.Overwrites++;
            var start = settled + 1 + (ulong)random.NextInt64((long)(model.Last - settled));
            return new AppendCall(Entries(start, term + 1));
        }

        if (roll < 25)
        {
            var commit = model.Hard.Commit + (ulong)random.NextInt64((long)(model.Last - model.Hard.Commit + 1));
            return new HardStateCall(new HardState(term, (ulong)random.Next(4), commit));
        }

        if (roll < 35 && model.Hard.Commit > model.SnapshotIndex)
        {
            var index = model.SnapshotIndex + 1 + (ulong)random.NextInt64((long)(model.Hard.Commit - model.SnapshotIndex));
            return new CreateSnapshotCall(index, Bytes(random.Next(20_000)), random.Next(2) == 0);
        }

        if (roll < 42 && model.SnapshotIndex >= model.First)
        {
            return new CompactCall(model.SnapshotIndex);
        }

        if (roll < 46)
        {
            return new ApplySnapshotCall(new SnapshotMetadata(model.Last + 1 + (ulong)random.Next(5), term + 1, Fixtures.Bootstrap), Bytes(random.Next(20_000)));
        }

        return new AppendCall(Entries(model.Last + 1, term));
    }

    private Entry[] Entries(ulong start, ulong term) =>
        [.. Enumerable.Range(0, random.Next(1, 7)).Select(i => new Entry(term, start + (ulong)i, EntryType.Normal, Bytes(random.Next(2) == 0 ? random.Next(100) : random.Next(3000))))];

    private byte[] Bytes(int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private static bool Same(Entry a, Entry b) => a.Term == b.Term && a.Index == b.Index && a.Data.Span.SequenceEqual(b.Data.Span);

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }

    /// <summary>What the scenarios exercised, so a green run shows it was not vacuous.</summary>
    internal sealed class Tally
    {
        public int Crashes { get; set; }

        public int TornTails { get; set; }

        public int Overwrites { get; set; }

        public int SnapshotsInstalled { get; set; }

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{Crashes} power cuts, {TornTails} torn tails truncated, {Overwrites} suffix overwrites, {SnapshotsInstalled} leader snapshots cut mid-install and kept");
    }
}
