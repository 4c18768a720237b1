using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace ReefDB.Cli.Bench.Failover;

/// <summary>
/// Starts a three-node cluster on loopback ports chosen now, keeps writers busy on every node, and per run: kills
/// the leader with SIGKILL, waits for the first write that was sent after the kill and acknowledged by a surviving
/// node, then restarts the killed node and waits until it serves again. Every node process is killed by its id at
/// the end, on failure, and on SIGINT/SIGTERM.
/// </summary>
internal sealed class FailoverRun(FailoverOptions options, TextWriter progress)
{
    private const int Nodes = 3;
    private const int WritersPerNode = 4;
    private static readonly TimeSpan WriteDeadline = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(2);
    // Generous: a node starting on a loaded two-core machine can take a minute before it listens.
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(180);
    private readonly List<NodeProcess> nodes = [];
    private long nextKey;

    public async Task<FailoverResult> RunAsync(CancellationToken cancellationToken)
    {
        var rpc = Enumerable.Range(0, Nodes).Select(_ => "127.0.0.1:" + FreePort().ToString(CultureInfo.InvariantCulture)).ToArray();
        var http = Enumerable.Range(0, Nodes).Select(_ => "127.0.0.1:" + FreePort().ToString(CultureInfo.InvariantCulture)).ToArray();
        var peers = string.Join(',', Enumerable.Range(0, Nodes).Select(i => $"{i + 1}={rpc[i]}/{http[i]}"));
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => KillAll());
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => KillAll());
        try
        {
            for (var i = 0; i < Nodes; i++)
            {
                var id = (i + 1).ToString(CultureInfo.InvariantCulture);
                nodes.Add(new NodeProcess(i + 1, Path.Combine(options.WorkDirectory, "node" + id),
                [
                    "--node-id", id, "--data-dir", Path.Combine(options.WorkDirectory, "node" + id, "data"),
                    "--rpc-addr", rpc[i], "--http-addr", http[i], "--peers", peers,
                    "--raft-tick-ms", options.RaftTickMs.ToString(CultureInfo.InvariantCulture),
                    "--election-tick", options.ElectionTick.ToString(CultureInfo.InvariantCulture),
                    "--fsync", options.Fsync, "--log-level", "warning",
                ]));
                nodes[i].Start();
            }

            var client = new ReefDbBenchClient(rpc, WriteDeadline);
            await using var disposeClient = client.ConfigureAwait(false);
            await UntilAsync(() => client.PrepareAsync(cancellationToken), "the cluster to elect a leader and create the table", cancellationToken).ConfigureAwait(false);
            await progress.WriteLineAsync($"cluster up: {string.Join(' ', rpc)} (work dir {options.WorkDirectory})").ConfigureAwait(false);

            var times = new List<TimeSpan>();
            for (var run = 1; run <= options.Runs; run++)
            {
                var elapsed = await OneRunAsync(client, cancellationToken).ConfigureAwait(false);
                times.Add(elapsed);
                await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"run {run}/{options.Runs}: first acknowledged write {elapsed.TotalMilliseconds:F0} ms after kill -9 of the leader")).ConfigureAwait(false);
            }

            return new FailoverResult(times, options.ElectionTimeout);
        }
        finally
        {
            KillAll();
        }
    }

    private async Task<TimeSpan> OneRunAsync(ReefDbBenchClient client, CancellationToken cancellationToken)
    {
        for (var i = 0; i < Nodes; i++)
        {
            var endpoint = i;
            await UntilAsync(() => client.LinearizableProbeAsync(endpoint, cancellationToken), $"node {i + 1} to serve", cancellationToken).ConfigureAwait(false);
        }

        var leaderId = 0UL;
        await UntilAsync(async () => leaderId = await client.LeaderIdAsync(0, cancellationToken).ConfigureAwait(false), "a leader", cancellationToken).ConfigureAwait(false);
        var leader = (int)leaderId - 1;

        using var stopWriters = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var killedAt = long.MaxValue;
        var firstAck = long.MaxValue;
        var writers = Enumerable.Range(0, Nodes * WritersPerNode).Select(w => Task.Run(async () =>
        {
            var endpoint = w % Nodes;
            while (!stopWriters.IsCancellationRequested)
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    await client.InsertAsync(endpoint, Interlocked.Increment(ref nextKey), "failover", stopWriters.Token).ConfigureAwait(false);
                    if (endpoint != leader && start >= Volatile.Read(ref killedAt))
                    {
                        var end = Stopwatch.GetTimestamp();
                        InterlockedMin(ref firstAck, end);
                    }
                }
                catch (Exception) when (!stopWriters.IsCancellationRequested)
                {
                    await Task.Delay(RetryDelay, stopWriters.Token).ConfigureAwait(false);
                }
            }
        }, cancellationToken)).ToArray();

        try
        {
            // Steady writes first, so that the kill lands in the middle of a stream.
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref killedAt, Stopwatch.GetTimestamp());
            nodes[leader].Kill();
            var deadline = Stopwatch.GetTimestamp() + (long)(StepTimeout.TotalSeconds * Stopwatch.Frequency);
            while (Volatile.Read(ref firstAck) == long.MaxValue)
            {
                if (Stopwatch.GetTimestamp() > deadline)
                {
                    throw new BenchOperationException($"no write was acknowledged within {StepTimeout.TotalSeconds:F0} s of killing the leader");
                }

                await Task.Delay(1, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            await stopWriters.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(writers.Select(w => w.ContinueWith(_ => { }, TaskScheduler.Default))).ConfigureAwait(false);
        }

        nodes[leader].Start();
        return Stopwatch.GetElapsedTime(killedAt, firstAck);
    }

    private static void InterlockedMin(ref long target, long value)
    {
        var current = Volatile.Read(ref target);
        while (value < current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    /// <summary>Retries <paramref name="step"/> every 50 ms until it succeeds or <see cref="StepTimeout"/> has gone by.</summary>
    private static async Task UntilAsync(Func<Task> step, string what, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(StepTimeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            try
            {
                await step().ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (e is BenchOperationException or Grpc.Core.RpcException && Stopwatch.GetTimestamp() < deadline)
            {
                await Task.Delay(50, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is BenchOperationException or Grpc.Core.RpcException)
            {
                throw new BenchOperationException($"gave up waiting for {what}: {e.Message}");
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void KillAll()
    {
        foreach (var node in nodes)
        {
            node.Dispose();
        }
    }
}
