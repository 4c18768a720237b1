using Xunit.Sdk;

namespace ReefDB.Raft.Storage.Tests.PowerCut;

/// <summary>
/// Drives <see cref="DurableRaftStorage"/> over a <see cref="PowerCutFileSystem"/> with random appends, suffix
/// overwrites, hard states, snapshots, compactions and snapshots from a leader, cuts the power at a random operation,
/// restarts with a random part of the unsynced writes on disk, and checks the ordering claims of OVERVIEW.md: every
/// call that returned is durable, the call cut short is there wholly, partly (for an append: a prefix) or not at
/// all, and recovery accepts the directory. Replay: REEFDB_POWERCUT_SEED=&lt;seed&gt; REEFDB_POWERCUT_RUNS=1.
/// </summary>
public sealed class StoragePowerCutTests
{
    [Fact]
    public void Every_completed_call_survives_power_cuts_at_any_operation_and_recovery_accepts_what_remains()
    {
        var first = TestSettings.Int("REEFDB_POWERCUT_SEED", 1);
        var runs = TestSettings.Int("REEFDB_POWERCUT_RUNS", 60);
        var tally = new StorageScenario.Tally();
        for (var seed = first; seed < first + runs; seed++)
        {
            using var dir = new TempDirectory();
            var scenario = new StorageScenario(dir.Path, seed, tally);
            try
            {
                scenario.Run(crashes: 4);
            }
            catch (Exception e)
            {
                throw new XunitException(
                    $"Power-cut seed {seed} failed: {e.Message}\nReplay: REEFDB_POWERCUT_SEED={seed} REEFDB_POWERCUT_RUNS=1 " +
                    "dotnet test --project tests/ReefDB.Raft.Storage.Tests -c Release -- --filter-class \"*StoragePowerCutTests\"\n" +
                    scenario.Trace, e);
            }
        }

        TestContext.Current.SendDiagnosticMessage($"power cuts: {runs} seeds from {first}; {tally}");
        Assert.True(tally.Crashes >= runs * 3, "too few power cuts landed: " + tally);
        Assert.True(tally.TornTails > 0 && tally.SnapshotsInstalled > 0 && tally.Overwrites > 0, "a case was never exercised: " + tally);
    }

    [Fact]
    public void A_flipped_byte_in_synced_data_is_refused_after_a_power_cut()
    {
        var refused = 0;
        for (var seed = 1; seed <= 25; seed++)
        {
            using var dir = new TempDirectory();
            var scenario = new StorageScenario(dir.Path, seed, new StorageScenario.Tally());
            scenario.Run(crashes: 1);
            if (Corruption.FlipSyncedByte(dir.Path, new Random(seed)) is not { } flipped)
            {
                continue;
            }

            var error = Assert.Throws<RaftStorageCorruptionException>(() => scenario.OpenPlain().Dispose());
            Assert.True(error.File == flipped.File || flipped.File.EndsWith(".log", StringComparison.Ordinal),
                $"seed {seed}: flipped {flipped}, refused naming {error.File}");
            refused++;
        }

        Assert.True(refused >= 20, $"only {refused} directories had a byte to flip");
    }
}
