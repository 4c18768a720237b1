using ReefDB.Storage.Trees;

namespace ReefDB.Storage.Tests.Trees;

/// <summary>The thread-safety contract: published trees are read on other threads while one builder edits on.</summary>
public sealed class ConcurrentReadTests
{
    private sealed record Published(PersistentTree<int, int> Tree, int Count, long KeySum);

    [Fact]
    public async Task Readers_of_published_versions_are_never_disturbed_by_the_builder()
    {
        var random = new Random(7);
        var builder = PersistentTree<int, int>.FromSorted(Enumerable.Range(0, 20_000).Select(i => KeyValuePair.Create(i, i))).ToBuilder();
        var model = new SortedSet<int>(Enumerable.Range(0, 20_000));
        Published latest = Publish(builder, model);
        bool done = false;

        var readers = Enumerable.Range(0, 1).Select(_ => Task.Run(() =>
        {
            int checkedVersions = 0;
            while (!Volatile.Read(ref done) || checkedVersions == 0)
            {
                var version = Volatile.Read(ref latest);
                long sum = 0;
                int count = 0;
                foreach (var entry in version.Tree)
                {
                    sum += entry.Key;
                    count++;
                }

                Assert.Equal(version.Count, count);
                Assert.Equal(version.KeySum, sum);
                Assert.Equal(version.Count, version.Tree.CountRange(default, default));
                checkedVersions++;
                Thread.Sleep(1); // a shared CI machine: check often, not continuously
            }

            return checkedVersions;
        }, TestContext.Current.CancellationToken)).ToArray();

        for (int round = 0; round < 30; round++)
        {
            for (int i = 0; i < 2000; i++)
            {
                int key = random.Next(40_000);
                if (random.Next(2) == 0)
                {
                    builder.Set(key, round);
                    model.Add(key);
                }
                else
                {
                    builder.Remove(key);
                    model.Remove(key);
                }
            }

            Volatile.Write(ref latest, Publish(builder, model));
        }

        Volatile.Write(ref done, true);
        foreach (int versionsRead in await Task.WhenAll(readers))
        {
            Assert.True(versionsRead > 0);
        }
    }

    private static Published Publish(PersistentTree<int, int>.Builder builder, SortedSet<int> model) =>
        new(builder.ToImmutable(), model.Count, model.Sum(k => (long)k));
}
