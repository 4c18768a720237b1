using System.Diagnostics;

namespace ReefDB.Benchmarks.Durable;

/// <summary>
/// The disk's physical limit for a durable write: a write then an fsync, in a loop, with the primitive the ReefDB log
/// uses (<see cref="FileStream.Flush(bool)"/>, fsync on Linux). Three shapes, taken in turn within each iteration so
/// that all see the same moments of a shared disk, because their costs differ on most file systems: appending a
/// log-record-sized 512 B (the file grows, but mostly within an already allocated block, as the ReefDB log does),
/// appending 4 KiB (a new block each time), and overwriting one 4 KiB block in place (no size change, as SQLite does
/// once its WAL file is reused).
/// </summary>
internal static class FsyncProbe
{
    public const string SmallAppend = "append 512 B + fsync";
    public const string PageOverwrite = "overwrite 4 KiB + fsync";

    public sealed record Result(string Shape, int Count, double P50, double P99, double Mean);

    private sealed record Shape(string Name, int Bytes, bool Append);

    private static readonly Shape[] Shapes =
    [
        new(SmallAppend, 512, Append: true),
        new("append 4 KiB + fsync", 4096, Append: true),
        new(PageOverwrite, 4096, Append: false),
    ];

    public static IReadOnlyList<Result> Run(string directory, TimeSpan budget)
    {
        var files = new FileStream[Shapes.Length];
        var latencies = Shapes.Select(_ => new Latencies()).ToArray();
        var sums = new long[Shapes.Length];
        var block = new byte[4096];
        Random.Shared.NextBytes(block);
        try
        {
            for (var s = 0; s < Shapes.Length; s++)
            {
                files[s] = new FileStream(Path.Combine(directory, $"fsync-probe-{s}.bin"), FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1);
                files[s].Write(block);
                files[s].Flush(flushToDisk: true);
            }

            var total = Stopwatch.StartNew();
            while (total.Elapsed < budget || latencies[0].Count < 10)
            {
                for (var s = 0; s < Shapes.Length; s++)
                {
                    var file = files[s];
                    if (!Shapes[s].Append)
                    {
                        file.Position = 0;
                    }

                    var start = Stopwatch.GetTimestamp();
                    file.Write(block.AsSpan(0, Shapes[s].Bytes));
                    file.Flush(flushToDisk: true);
                    var elapsed = Stopwatch.GetTimestamp() - start;
                    latencies[s].Add(elapsed);
                    sums[s] += elapsed;
                }
            }
        }
        finally
        {
            for (var s = 0; s < Shapes.Length; s++)
            {
                files[s]?.Dispose();
                File.Delete(Path.Combine(directory, $"fsync-probe-{s}.bin"));
            }
        }

        return [.. Shapes.Select((shape, s) => new Result(
            shape.Name, latencies[s].Count, latencies[s].Milliseconds(0.50), latencies[s].Milliseconds(0.99),
            sums[s] * 1000.0 / Stopwatch.Frequency / latencies[s].Count))];
    }
}
