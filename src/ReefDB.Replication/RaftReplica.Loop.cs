using System.Diagnostics;

namespace ReefDB.Replication;

/// <summary>The loop thread: inputs, ticks, Readies (OVERVIEW.md of ReefDB.Raft, "The Ready / Advance contract").</summary>
public sealed partial class RaftReplica
{
    private volatile bool loopExited;
    private long ticks;

    /// <summary>Logical clock ticks so far, run by the loop thread or, while a proposer drives, by that proposer.</summary>
    internal long Ticks => Interlocked.Read(ref ticks);

    private void RunLoop()
    {
        var interval = options.TickInterval;
        var nextTick = clock.GetTimestamp() + ToTimestamp(interval);
        try
        {
            lock (driveGate)
            {
                if (node.Membership.Voters.Count == 1 && node.Membership.IsVoter(NodeId))
                {
                    // A lone voter need not wait an election timeout: nobody else can lead.
                    node.Campaign();
                }
            }

            while (!stopping)
            {
                // Outside a pass the node has no Ready: a pass drains it, and a proposer that stops early wakes us. The
                // fence orders our last release of the gate before the look at the queues (DriveOrWake: an input queued
                // while we held the gate was left to us, without a wake-up).
                Interlocked.MemoryBarrier();
                var now = clock.GetTimestamp();
                if (now < nextTick && !InputsQueued)
                {
                    WaitUntil(nextTick);
                }

                wake.Reset();
                if (stopping)
                {
                    break;
                }

                now = clock.GetTimestamp();
                var tickDue = now >= nextTick;
                if (tickDue)
                {
                    nextTick = Math.Max(nextTick + ToTimestamp(interval), now);
                }

                if (!Monitor.TryEnter(driveGate))
                {
                    // A proposer is driving (Drive.cs). Blocking on the gate here would make every one of its exits
                    // wake this thread; instead the driver takes the tick over and wakes this thread if it leaves work.
                    if (tickDue)
                    {
                        tickRequested = true;
                    }

                    WaitUntil(nextTick);
                    continue;
                }

                try
                {
                    if (tickDue || tickRequested)
                    {
                        Tick();
                    }

                    RunPass(until: null);
                }
                finally
                {
                    Monitor.Exit(driveGate);
                }
            }
        }
        catch (Exception e)
        {
            // The first failure is the cause (the applier may have stopped the replica already).
            failure ??= e;
            LogMessages.LoopFailed(logger, NodeId, e);
        }
        finally
        {
            Shutdown();
        }
    }

    /// <summary>Gate holder only: one logical clock tick (elections, heartbeats, stalled reads, transfers).</summary>
    private void Tick()
    {
        tickRequested = false;
        node.Tick();
        Interlocked.Increment(ref ticks);
        OnTick();
    }

    private void WaitUntil(long timestamp)
    {
        var now = clock.GetTimestamp();
        if (now < timestamp)
        {
            wake.Wait(TimeSpan.FromTicks(Math.Max(1, (timestamp - now) * TimeSpan.TicksPerSecond / Stopwatch.Frequency)));
        }
    }

    private static long ToTimestamp(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    /// <summary>Steps messages, runs commands, and proposes every queued proposal as one batch (group commit: the
    /// entries of concurrent writers go into one Ready, hence one write and one fsync).</summary>
    private void DrainInputs()
    {
        while (inbox.TryDequeue(out var message))
        {
            StepMessage(message);
        }

        while (commands.TryDequeue(out var command))
        {
            command();
        }

        ProposeQueued();
        IssueReads();
    }

    private void OnTick()
    {
        RetryStalledReads();
        CheckTransfers();
    }

    private void Shutdown()
    {
        lock (driveGate)
        {
            ShutdownDriven();
        }
    }

    private void ShutdownDriven()
    {
        loopExited = true;
        var error = StoppedError() ?? new ReplicaStoppedException();
        while (commands.TryDequeue(out var command))
        {
            try
            {
                command();
            }
            catch (Exception)
            {
                // The replica is going down; each command reports its own outcome to its caller.
            }
        }

        // The applier finishes the groups it holds (committed and durable: their proposers get real outcomes), or
        // abandons them after an apply failure; either way they are answered before the rest below.
        applier.Stop();
        FailAllWaiters(error);
        try
        {
            DisposeIncomingSnapshots();
            storage.Dispose();
        }
        catch (Exception e)
        {
            LogMessages.LoopFailed(logger, NodeId, e);
        }

        meter.Dispose();
        stopped.TrySetResult();
        LogMessages.Closed(logger, NodeId);
    }

    private void FailAllWaiters(ReplicaStoppedException error)
    {
        while (proposals.TryDequeue(out var queued))
        {
            if (queued.TrySubmit())
            {
                Answer(queued, error);
            }
        }

        foreach (var proposal in awaitingIndex.Values)
        {
            Answer(proposal, new OutcomeUnknownException("the replica stopped", 0, error));
        }

        foreach (var proposal in byIndex.Values)
        {
            Answer(proposal, new OutcomeUnknownException("the replica stopped", 0, error));
        }

        awaitingIndex.Clear();
        byIndex.Clear();
        FailReads(error);
        FailAppliedWaiters(error);
        FailAdmin(error);
    }
}
