namespace ReefDB.Raft.Storage.Tests.Log;

/// <summary>
/// Random sequences of appends (with overwrites), snapshots, compactions and reopens, checked after every step
/// against <see cref="MemoryRaftStorage"/> as the model. Small segments and cache force rotation and disk reads.
/// </summary>
public sealed class ModelTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Durable_storage_behaves_like_the_memory_model(int seed)
    {
        using var dir = new TempDirectory();
        var options = new DurableRaftStorageOptions { SegmentBytes = 700, CacheBytes = 400, Fsync = FsyncPolicy.None };
        var random = new Random(seed);
        var model = new MemoryRaftStorage(Fixtures.Bootstrap);
        var durable = Fixtures.Open(dir, options);
        ulong term = 1;
        var step = 0;
        try
        {
            for (step = 0; step < 250; step++)
            {
                var choice = random.Next(100);
                if (choice < 70)
                {
                    var start = (ulong)random.Next((int)model.FirstIndex, (int)model.LastIndex + 2);
                    if (random.Next(4) == 0)
                    {
                        term++;
                    }

                    var count = random.Next(1, 6);
                    var batch = Enumerable.Range(0, count)
                        .Select(i => Fixtures.Make(start + (ulong)i, term, random.Next(0, 120)))
                        .ToArray();
                    model.Append(batch);
                    durable.Append(batch);
                }
                else if (choice < 85 && model.LastIndex >= model.FirstIndex)
                {
                    var index = (ulong)random.Next((int)model.FirstIndex, (int)model.LastIndex + 1);
                    var payload = new byte[random.Next(0, 50)];
                    random.NextBytes(payload);
                    model.CreateSnapshot(index, Fixtures.Bootstrap, payload);
                    durable.CreateSnapshot(index, Fixtures.Bootstrap, new MemoryStream(payload));
                    model.Compact(index);
                    durable.Compact(index);
                }
                else if (choice < 95)
                {
                    durable.Dispose();
                    durable = Fixtures.Open(dir, options);
                    Assert.Empty(durable.RecoveryWarnings);
                }

                AssertSame(model, durable, random);
            }
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            Assert.Fail($"seed {seed}, step {step}: {e}");
        }
        finally
        {
            durable.Dispose();
        }
    }

    private static void AssertSame(MemoryRaftStorage model, DurableRaftStorage durable, Random random)
    {
        Assert.Equal(model.FirstIndex, durable.FirstIndex);
        Assert.Equal(model.LastIndex, durable.LastIndex);
        for (var index = model.FirstIndex - 1; index <= model.LastIndex; index++)
        {
            Assert.Equal(model.Term(index), durable.Term(index));
        }

        Assert.Equal(model.Snapshot().Metadata.Index, durable.SnapshotMetadata.Index);
        Assert.Equal(model.Snapshot().Data.ToArray(), durable.Snapshot().Data.ToArray());
        if (model.LastIndex < model.FirstIndex)
        {
            return;
        }

        var low = (ulong)random.Next((int)model.FirstIndex, (int)model.LastIndex + 1);
        var high = (ulong)random.Next((int)low, (int)model.LastIndex + 2);
        var maxBytes = random.Next(3) == 0 ? ulong.MaxValue : (ulong)random.Next(0, 400);
        var expected = model.Entries(low, high, maxBytes);
        var actual = durable.Entries(low, high, maxBytes);
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Index, actual[i].Index);
            Assert.Equal(expected[i].Term, actual[i].Term);
            Assert.Equal(expected[i].Type, actual[i].Type);
            Assert.Equal(expected[i].Data.ToArray(), actual[i].Data.ToArray());
        }
    }
}
