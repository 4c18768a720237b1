namespace ReefDB.Replication.Internal;

/// <summary>
/// A serial worker with a bounded backlog: the driver of the node hands it groups of committed entries (jobs) and goes
/// on persisting and sending the next Ready while it applies them, one job after the other, in the order given.
/// </summary>
/// <remarks>
/// <para>One thread, not thread-pool work items: apply order is everything, and a dedicated thread keeps it without a
/// chain of continuations. Only the driver (the holder of the replica's drive gate) calls <see cref="TryEnqueue"/>,
/// <see cref="Drain"/> and <see cref="IsIdle"/>, so "idle" cannot stop being true behind its back.</para>
/// <para>Back-pressure: <see cref="TryEnqueue"/> waits while <c>maxJobs</c> jobs or <c>maxEntries</c> entries are
/// queued, so memory and the applied index's lag stay bounded.</para>
/// <para>Failure: when <c>apply</c> throws, the worker reports it once and from then on hands every queued job to
/// <c>abandon</c> (which answers its waiters) instead; <see cref="TryEnqueue"/> and <see cref="Drain"/> return false.
/// On <see cref="Stop"/> it finishes the queued jobs first: their entries are committed and durable, and applying
/// them answers their proposers with real outcomes.</para>
/// </remarks>
internal sealed class Applier
{
    private readonly object gate = new();
    private readonly Queue<ApplyItem[]> queue = new();
    private readonly Action<ApplyItem[]> apply;
    private readonly Action<ApplyItem[]> abandon;
    private readonly Action<Exception> failed;
    private readonly int maxJobs;
    private readonly int maxEntries;
    private readonly Thread thread;
    private int queuedEntries;
    private int unfinished; // jobs queued or running; written under the gate
    private bool stopRequested;
    private Exception? failure;

    public Applier(string name, int maxJobs, int maxEntries, Action<ApplyItem[]> apply, Action<ApplyItem[]> abandon, Action<Exception> failed)
    {
        this.apply = apply;
        this.abandon = abandon;
        this.failed = failed;
        this.maxJobs = maxJobs;
        this.maxEntries = maxEntries;
        thread = new Thread(Run) { IsBackground = true, Name = name };
    }

    /// <summary>Every job handed over is finished (applied and its waiters answered, or abandoned). Whoever reads
    /// true also sees everything those jobs published (the counter is written after them, with a full fence).</summary>
    public bool IsIdle => Volatile.Read(ref unfinished) == 0;

    /// <summary>Jobs queued or running (tests, status).</summary>
    public int Backlog => Volatile.Read(ref unfinished);

    public void Start() => thread.Start();

    /// <summary>Queues <paramref name="job"/>, first waiting for room (back-pressure). False when the worker failed or
    /// is stopping: the job was not taken and the caller answers its waiters.</summary>
    public bool TryEnqueue(ApplyItem[] job)
    {
        lock (gate)
        {
            while (failure is null && !stopRequested && unfinished > 0
                && (queue.Count >= maxJobs || queuedEntries + job.Length > maxEntries))
            {
                Monitor.Wait(gate);
            }

            if (failure is not null || stopRequested)
            {
                return false;
            }

            queue.Enqueue(job);
            queuedEntries += job.Length;
            Interlocked.Increment(ref unfinished);
            Monitor.PulseAll(gate);
            return true;
        }
    }

    /// <summary>Waits until every job handed over is finished (a barrier before the driver touches the state machine
    /// itself). False when the worker failed.</summary>
    public bool Drain()
    {
        lock (gate)
        {
            while (unfinished > 0)
            {
                Monitor.Wait(gate);
            }

            return failure is null;
        }
    }

    /// <summary>Finishes the queued jobs, then ends the thread and waits for it (unless called on it).</summary>
    public void Stop()
    {
        lock (gate)
        {
            stopRequested = true;
            Monitor.PulseAll(gate);
        }

        if (thread.IsAlive && Thread.CurrentThread != thread)
        {
            thread.Join();
        }
    }

    private void Run()
    {
        while (true)
        {
            ApplyItem[] job;
            bool abandoned;
            lock (gate)
            {
                while (queue.Count == 0 && !stopRequested)
                {
                    Monitor.Wait(gate);
                }

                if (!queue.TryDequeue(out job!))
                {
                    return;
                }

                queuedEntries -= job.Length;
                abandoned = failure is not null;
                Monitor.PulseAll(gate);
            }

            Exception? error = null;
            try
            {
                if (abandoned)
                {
                    abandon(job);
                }
                else
                {
                    apply(job);
                }
            }
            catch (Exception e)
            {
                error = e;
                if (!abandoned)
                {
                    // Reported before the job counts as finished: a driver that drains sees the replica's failure.
                    failed(e);
                }
            }

            lock (gate)
            {
                failure ??= error;
                Interlocked.Decrement(ref unfinished);
                Monitor.PulseAll(gate);
            }
        }
    }
}
