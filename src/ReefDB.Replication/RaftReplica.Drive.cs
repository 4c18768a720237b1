using ReefDB.Replication.Internal;

namespace ReefDB.Replication;

/// <summary>
/// Who drives the node: the loop thread, or a proposer that finds it idle. Driving means holding
/// <see cref="driveGate"/>; everything commented "loop thread only" is owned by the holder of the gate.
/// </summary>
/// <remarks>
/// A proposal handed to the loop thread costs two thread hand-offs (proposer → loop → proposer); on a loaded
/// machine with few cores each can wait milliseconds for a CPU, which is what a single durable writer waited on
/// most. When the gate is free the proposer runs the pass itself, up to the Ready that answers it (persisted,
/// applied), then leaves the rest to the loop thread. Concurrent proposers that find the gate taken queue and leave
/// their input to whoever drives, whose next pass proposes them together: group commit is unchanged.
/// <para>The loop thread only ever tries the gate: had it blocked on it (for a tick), each exit of a lone writer would
/// wake it, and on a loaded machine the writer re-entered first nearly every time, so each write paid a futex wake and a
/// context switch of the loop thread (measured: one per write), and when the loop thread did win, a hand-off. A tick that
/// falls due while a proposer drives is run by that proposer's next pass (<see cref="tickRequested"/>); whoever leaves
/// the gate with work queued wakes the loop thread.</para>
/// </remarks>
public sealed partial class RaftReplica
{
    private readonly object driveGate = new();

    // Set by the gate holder at the end of each pass: the proposals left queued wait for the commit of the entries in
    // flight (MustHoldProposals), so whoever leaves the gate need not wake anyone for them.
    private volatile bool holdingProposals;

    // Set during a pass, read by the gate's holder only: an event handler that proposes from inside a pass
    // (Monitor is reentrant) must queue, not start a pass within the pass.
    private bool passRunning;

    // Set by the loop thread when a tick fell due while a proposer held the gate: the holder ticks at the start of its
    // next pass, or wakes the loop thread when it leaves (the loop thread never blocks on the gate, see Loop.cs).
    private volatile bool tickRequested;

    // Gate holder only, and only while a proposer or a stream reader drives (DriveOrWake) with inline answers on: the
    // last proposal its pass answered, delivered on that thread once it has left the gate. The loop thread and the
    // applier never run a caller's continuation (ticks and applies would wait behind it); earlier answers of the same
    // pass go to the thread pool, so one caller's continuation never delays another's beyond the first hand-off.
    private bool answerAfterPass;
    private PendingProposal? answerOnLeaving;

    /// <summary>Steps inputs and handles Readies until none is left or, when <paramref name="until"/> is given, until
    /// that proposal is answered. The caller holds <see cref="driveGate"/>.</summary>
    private void RunPass(PendingProposal? until)
    {
        passRunning = true;
        try
        {
            if (tickRequested)
            {
                Tick();
            }

            DrainInputs();
            while (node.HasReady)
            {
                HandleReady(node.GetReady());
                if (until is not null && until.IsDecided)
                {
                    break;
                }

                DrainInputs();
            }

            MaybeStartSnapshot(force: false);
        }
        finally
        {
            holdingProposals = !proposals.IsEmpty && MustHoldProposals();
            passRunning = false;
        }
    }

    /// <summary>Something waits in an input queue (messages, proposals, commands, reads). One predicate for every
    /// place that decides whether to sleep or wake: a queue missing from one of them leaves its work waiting a tick.</summary>
    /// <remarks>Proposals held for the commit of the entries in flight (<see cref="MustHoldProposals"/>) do not count:
    /// only the commit releases them, and it comes with an input of its own.</remarks>
    private bool InputsQueued => !inbox.IsEmpty || (!proposals.IsEmpty && !holdingProposals) || !commands.IsEmpty || !readRequests.IsEmpty;

    /// <summary>Called right after queueing an input: by a proposer with its <paramref name="proposal"/>, by a reader or
    /// a transport's stream reader with null. Drives the node on this thread when no one else does, otherwise leaves
    /// the input to whoever drives.</summary>
    /// <remarks>Whoever holds the gate takes the input: its pass drains the queues after every Ready, and on leaving it
    /// looks again, after a full fence (below; the loop thread at the top of its loop), and wakes the loop thread if
    /// anything is left. So an input queued behind a driver needs no wake-up of its own. Waking the loop thread here,
    /// as this did, cost a futex wake and a context switch (and the woken thread's spin) per write at 16-64 concurrent
    /// writers, for a thread that could only find the gate taken and wait again (docs/PERFORMANCE.md, "CPU per write
    /// (cpushare)"). Were a look ever missed, the loop thread still wakes at its next tick and finds the input.</remarks>
    private void DriveOrWake(PendingProposal? proposal)
    {
        if (!Monitor.TryEnter(driveGate))
        {
            return;
        }

        var workLeft = true;
        PendingProposal? answered = null;
        try
        {
            if (!passRunning && !loopExited && !stopping)
            {
                answerAfterPass = options.InlineAnswers;
                RunPass(until: proposal);
                workLeft = node.HasReady || InputsQueued;
            }
        }
        catch (Exception e)
        {
            // As on the loop thread: the node stops; the loop thread's shutdown answers every waiter, this one too.
            failure ??= e;
            stopping = true;
            LogMessages.LoopFailed(logger, NodeId, e);
        }
        finally
        {
            answerAfterPass = false;
            answered = answerOnLeaving;
            answerOnLeaving = null;
            Monitor.Exit(driveGate);
            // Checked again after leaving: a thread that queued while we held the gate found it taken and left its input
            // to us. The fence orders our release of the gate before this look (theirs: the queue before their try), so
            // either they saw the gate free or we see their input.
            Interlocked.MemoryBarrier();
            if (workLeft || tickRequested || InputsQueued)
            {
                wake.Set();
            }
        }

        // Outside the gate: the caller's continuation may propose, and drives again if the gate is free.
        answered?.Deliver();
    }

    /// <summary>Completes an answered proposal's task: on this thread after the pass when this is a proposer's or a
    /// stream reader's pass with inline answers (the last one of the pass), otherwise through the thread pool.</summary>
    private void Deliver(PendingProposal proposal)
    {
        if (!options.InlineAnswers)
        {
            // The task runs its continuations asynchronously by itself.
            proposal.Deliver();
        }
        else if (Monitor.IsEntered(driveGate) && answerAfterPass)
        {
            answerOnLeaving?.DeliverOnThreadPool();
            answerOnLeaving = proposal;
        }
        else
        {
            proposal.DeliverOnThreadPool();
        }
    }
}
