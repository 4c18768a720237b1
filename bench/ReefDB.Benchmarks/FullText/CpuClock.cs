using System.Diagnostics;
using System.Globalization;

namespace ReefDB.Benchmarks.FullText;

/// <summary>
/// CPU time, the measure that survives a shared machine: wall time on a loaded 2-core VM mostly says how
/// long the scheduler kept a process waiting, CPU time how much work it did. Our own process's time comes
/// from the runtime; a PostgreSQL backend's from <c>/proc/&lt;pid&gt;/stat</c> (utime + stime, fields 14
/// and 15, in clock ticks).
/// </summary>
internal static class CpuClock
{
    /// <summary>
    /// Linux's USER_HZ: the unit of /proc/&lt;pid&gt;/stat times. It is 100 on every architecture .NET runs
    /// on (the kernel exports it fixed to user space, whatever its internal HZ), so a 10 ms resolution.
    /// </summary>
    private const double TicksPerSecond = 100;

    /// <summary>All CPU time (every thread, user and system) this process has used.</summary>
    public static TimeSpan Process()
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    /// <summary>User plus system CPU time another process (here: a PostgreSQL backend) has used.</summary>
    public static TimeSpan OfProcess(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        // The command name (field 2) is in parentheses and may hold spaces: fields are counted after its ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // fields[0] is field 3 (state), so utime (14) and stime (15) are fields[11] and fields[12].
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}

/// <summary>Wall and CPU time of one measured step.</summary>
internal readonly record struct Cost(TimeSpan Wall, TimeSpan Cpu)
{
    public static Cost operator +(Cost a, Cost b) => new(a.Wall + b.Wall, a.Cpu + b.Cpu);

    /// <summary>
    /// Runs <paramref name="action"/> and measures it: our own process's CPU time, plus, when
    /// <paramref name="backendPid"/> is given, that PostgreSQL backend's (the client's Npgsql work and the
    /// server's query work together; with <paramref name="clientCpu"/> false, the backend's only).
    /// </summary>
    public static Cost Of(Action action, int? backendPid = null, bool clientCpu = true)
    {
        var backendBefore = backendPid is { } before ? CpuClock.OfProcess(before) : TimeSpan.Zero;
        var cpuBefore = CpuClock.Process();
        var watch = Stopwatch.StartNew();
        action();
        var wall = watch.Elapsed;
        var cpu = clientCpu ? CpuClock.Process() - cpuBefore : TimeSpan.Zero;
        if (backendPid is { } pid)
        {
            cpu += CpuClock.OfProcess(pid) - backendBefore;
        }

        return new Cost(wall, cpu);
    }
}
