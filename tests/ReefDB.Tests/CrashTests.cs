using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace ReefDB.Tests;

/// <summary>
/// SIGKILL at random moments (issue 4): a child process (<c>reefdb sql --db DIR --format csv</c>) writes single rows,
/// multi-row statements and three-statement transactions, printing each committed write's ids (RETURNING) as soon
/// as it is durable and applied. The test kills it, reopens the directory, and checks that every acknowledged row
/// is there and that every write is all there or not at all. Rounds: <c>REEFDB_CRASH_ROUNDS</c> (default 50);
/// seed: <c>REEFDB_CRASH_SEED</c>.
/// </summary>
public sealed class CrashTests
{
    private const int DefaultRounds = 50;
    private const int DefaultSeed = 20261126;
    private static readonly TimeSpan RoundLimit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Every_acknowledged_write_survives_sigkill_and_nothing_is_half_applied()
    {
        var rounds = TestSettings.Int("REEFDB_CRASH_ROUNDS", DefaultRounds);
        var seed = TestSettings.Int("REEFDB_CRASH_SEED", DefaultSeed);
        var replay = $"REEFDB_CRASH_SEED={seed} REEFDB_CRASH_ROUNDS={rounds} dotnet test --project tests/ReefDB.Tests/ReefDB.Tests.csproj -c Release -- --filter-method \"*survives_sigkill*\"";
        using var dir = new TempDirectory();
        using (var db = ReefDatabase.Open(dir.Path))
        {
            // id: the row; w: the write (statement or transaction) that made it; n: rows in that write.
            db.Execute("CREATE TABLE t (id BIGINT PRIMARY KEY, w BIGINT NOT NULL, n INT NOT NULL)");
        }

        var random = new Random(seed);
        var acknowledged = new HashSet<long>();
        var startupKills = 0;
        for (var round = 0; round < rounds; round++)
        {
            try
            {
                // One round in five is killed at a random moment of start-up or recovery (whatever it acknowledged by
                // then); the others once a random number of rows is acknowledged, plus a random few milliseconds so
                // that the kill lands anywhere in the next write.
                var duringStartup = random.Next(5) == 0;
                var killAfter = duringStartup ? int.MaxValue : random.Next(1, 40);
                var killAt = duringStartup ? TimeSpan.FromMilliseconds(random.Next(50, 1500)) : RoundLimit;
                startupKills += duringStartup ? 1 : 0;
                var plan = Plan(round, new Random(random.Next()));
                foreach (var id in await RunAndKillAsync(dir.Path, plan, killAfter, killAt, TimeSpan.FromMilliseconds(duringStartup ? 0 : random.Next(0, 20))))
                {
                    acknowledged.Add(id);
                }

                Check(dir.Path, acknowledged);
            }
            catch (Exception e)
            {
                throw new InvalidOperationException($"Crash round {round} failed (seed {seed}). Replay: {replay}", e);
            }
        }

        // Not vacuous: the writers got writes through between the kills.
        Assert.True(acknowledged.Count >= rounds - startupKills, $"only {acknowledged.Count} rows acknowledged in {rounds} rounds (seed {seed})");
    }

    /// <summary>The round's script: writes numbered from round × 1,000,000 so that rounds never collide.</summary>
    private static string Plan(int round, Random random)
    {
        var script = new StringBuilder();
        var id = (round + 1) * 1_000_000L;
        for (var write = 0; write < 200; write++)
        {
            var w = id;
            switch (random.Next(3))
            {
                case 0:
                    script.Append(CultureInfo.InvariantCulture, $"INSERT INTO t VALUES ({id++}, {w}, 1) RETURNING id;\n");
                    break;
                case 1:
                    var rows = random.Next(2, 6);
                    var values = string.Join(", ", Enumerable.Range(0, rows).Select(_ => $"({id++}, {w}, {rows})"));
                    script.Append(CultureInfo.InvariantCulture, $"INSERT INTO t VALUES {values} RETURNING id;\n");
                    break;
                default:
                    script.Append("BEGIN;\n");
                    for (var s = 0; s < 3; s++)
                    {
                        script.Append(CultureInfo.InvariantCulture, $"INSERT INTO t VALUES ({id++}, {w}, 3) RETURNING id;\n");
                    }

                    script.Append("COMMIT;\n");
                    break;
            }
        }

        return script.ToString();
    }

    /// <summary>
    /// Starts the writer, feeds it the script, and kills it (SIGKILL) once it acknowledged <paramref name="killAfter"/>
    /// rows (then <paramref name="extraDelay"/> more) or <paramref name="killAt"/> passed, whichever comes first;
    /// returns every id it acknowledged.
    /// </summary>
    private static async Task<List<long>> RunAndKillAsync(string directory, string script, int killAfter, TimeSpan killAt, TimeSpan extraDelay)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ReefDB.Cli.dll"), "sql", "--db", directory, "--format", "csv"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }.WithoutRuntimeIpc();
        var acknowledged = new List<long>();
        var started = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            limit.CancelAfter(RoundLimit);
            var errors = process.StandardError.ReadToEndAsync(limit.Token);
            var feeding = FeedAsync(process, script);
            var reading = Task.Run(
                async () =>
                {
                    while (await process.StandardOutput.ReadLineAsync(limit.Token) is { } line)
                    {
                        if (long.TryParse(line, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id))
                        {
                            lock (acknowledged)
                            {
                                acknowledged.Add(id);
                            }
                        }
                    }
                },
                limit.Token);
            while (!process.HasExited && started.Elapsed < killAt)
            {
                lock (acknowledged)
                {
                    if (acknowledged.Count >= killAfter)
                    {
                        break;
                    }
                }

                await Task.Delay(2, limit.Token);
            }

            await Task.Delay(extraDelay, limit.Token);

            if (!process.HasExited)
            {
                process.Kill();
            }

            await process.WaitForExitAsync(limit.Token);
            // Lines printed before the kill landed are acknowledgements too: read to the end of the pipe.
            await reading;
            await feeding;
            var stderr = await errors;
            Assert.DoesNotContain("ERROR", stderr, StringComparison.Ordinal);
            return acknowledged;
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private static async Task FeedAsync(Process process, string script)
    {
        try
        {
            await process.StandardInput.WriteAsync(script);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The child was killed while we wrote: expected.
        }
    }

    private static void Check(string directory, HashSet<long> acknowledged)
    {
        using var db = ReefDatabase.Open(directory);
        var rows = db.Execute("SELECT id, w, n FROM t")[0].Rows;
        var present = new HashSet<long>(rows.Count);
        var rowsPerWrite = new Dictionary<long, (long Count, long Expected)>();
        foreach (var row in rows)
        {
            present.Add(row[0].AsInt64);
            var w = row[1].AsInt64;
            var current = rowsPerWrite.GetValueOrDefault(w, (0, row[2].AsInt64));
            rowsPerWrite[w] = (current.Count + 1, current.Expected);
        }

        var missing = acknowledged.Where(id => !present.Contains(id)).Take(10).ToList();
        Assert.True(missing.Count == 0, $"acknowledged rows missing after the crash: {string.Join(", ", missing)}");
        var partial = rowsPerWrite.Where(p => p.Value.Count != p.Value.Expected).Take(10).ToList();
        Assert.True(partial.Count == 0, $"half-applied writes: {string.Join(", ", partial.Select(p => $"{p.Key}: {p.Value.Count} of {p.Value.Expected} rows"))}");
    }
}
