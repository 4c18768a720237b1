using System.Globalization;

namespace ReefDB.Benchmarks.FullText;

/// <summary>
/// Issue 6's full-text figures: the same generated documents loaded into ReefDB (embedded, in memory) and a
/// throw-away PostgreSQL 15 on loopback, a GIN index on <c>to_tsvector('english', body)</c> built after the
/// load on both (timed), then searches per second per query shape, same queries and same SQL on both, one
/// client, engines alternating round by round. Before timing, every query's answer is compared: row counts
/// for the counting shapes, top-10 ids for ts_rank (ties at the cut may differ). Prints Markdown tables for
/// docs/PERFORMANCE.md.
/// Run (Release only): <c>nice -n 19 dotnet run -c Release --project bench/ReefDB.Benchmarks -- fts [options]</c>
/// </summary>
internal static class FtsBenchmark
{
    private const string Match = "to_tsvector('english', body) @@ to_tsquery('english', $1)";
    private const string CountSql = $"SELECT count(*) FROM docs WHERE {Match}";
    private const string TsRankSql = $"SELECT id, ts_rank(to_tsvector('english', body), to_tsquery('english', $1)) AS rank FROM docs WHERE {Match} ORDER BY rank DESC LIMIT 10";
    private const string Bm25Sql = $"SELECT id, bm25(to_tsvector('english', body), to_tsquery('english', $1)) AS score FROM docs WHERE {Match} ORDER BY score DESC LIMIT 10";
    private const string CreateTable = "CREATE TABLE docs (id BIGINT PRIMARY KEY, body TEXT NOT NULL)";
    private const string CreateIndex = "CREATE INDEX docs_body_fts ON docs USING gin (to_tsvector('english', body))";
    private const int LoadBatch = 500;

    public static int Run(IReadOnlyList<string> args)
    {
        FtsOptions options;
        try
        {
            options = FtsOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(FtsOptions.Usage);
            return 2;
        }

#if DEBUG
        Console.Error.WriteLine("The fts benchmark runs in Release only: dotnet run -c Release ...");
        return 2;
#else
        using var postgres = options.Postgres ? PostgresServer.Start(options.PostgresBinaries) : null;
        Run(options, postgres);
        return 0;
#endif
    }

    private sealed record Shape(string Name, string Sql, bool Ranked, IReadOnlyList<string> Queries);

    private static void Run(FtsOptions options, PostgresServer? server)
    {
        Console.WriteLine($"# Full-text search benchmark: {options.Documents:N0} documents, seed {options.Seed}, {Durable.MachineInfo.Describe()}");
        if (server is not null)
        {
            Console.WriteLine($"PostgreSQL: {server.Version()} on 127.0.0.1:{server.Port}");
        }

        var corpus = new Corpus(options.Seed);
        using var reef = new ReefSearch();
        using var pg = server is null ? null : new PostgresSearch(server.ConnectionString);

        var load = Load(corpus, options.Documents, reef, pg);
        var build = Cost.Of(() => reef.Execute(CreateIndex));
        // The backend builds the index; the client only waits, so its CPU time is left out.
        var pgBuild = pg is null ? default : Cost.Of(() => pg.Execute(CreateIndex), pg.BackendPid, clientCpu: false);
        pg?.Execute("VACUUM ANALYZE docs");
        var roundTrip = pg?.RoundTrip(2_000) ?? TimeSpan.Zero;

        Console.WriteLine();
        Console.WriteLine("| step | ReefDB wall | PostgreSQL wall | wall ratio (PostgreSQL / ReefDB) | ReefDB CPU | PostgreSQL CPU | CPU ratio (PostgreSQL / ReefDB) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine(Invariant($"| load {options.Documents:N0} documents (ReefDB: INSERTs of {LoadBatch} rows; PostgreSQL: binary COPY) | {load.Reef.Wall.TotalSeconds:F1} s | {load.Postgres.Wall.TotalSeconds:F1} s | {Ratio(load.Postgres.Wall, load.Reef.Wall)} | {load.Reef.Cpu.TotalSeconds:F1} s | {load.Postgres.Cpu.TotalSeconds:F1} s | {Ratio(load.Postgres.Cpu, load.Reef.Cpu)} |"));
        Console.WriteLine(Invariant($"| CREATE INDEX … USING gin (to_tsvector('english', body)) | {build.Wall.TotalSeconds:F1} s | {pgBuild.Wall.TotalSeconds:F1} s | **{Ratio(pgBuild.Wall, build.Wall)}** | {build.Cpu.TotalSeconds:F1} s | {pgBuild.Cpu.TotalSeconds:F1} s | **{Ratio(pgBuild.Cpu, build.Cpu)}** |"));
        Console.WriteLine(Invariant($"| loopback round trip of a prepared SELECT 1 (PostgreSQL only) | — | {roundTrip.TotalMicroseconds:F0} µs | | | | |"));
        Console.WriteLine();

        var random = new Random(options.Seed);
        var oneTerm = QuerySet.OneTerm(corpus, random, options.Queries);
        var and = QuerySet.TwoTermAnd(corpus, random, options.Queries);
        var shapes = new[]
        {
            new Shape("one-term", CountSql, false, oneTerm),
            new Shape("and", CountSql, false, and),
            new Shape("phrase", CountSql, false, QuerySet.Phrase(corpus, random, options.Documents, options.Queries)),
            new Shape("ts-rank", TsRankSql, true, [.. oneTerm.Zip(and).SelectMany(p => new[] { p.First, p.Second }).Take(options.Queries)]),
            new Shape("bm25", Bm25Sql, true, [.. oneTerm.Zip(and).SelectMany(p => new[] { p.First, p.Second }).Take(options.Queries)]),
        }.Where(s => options.Shapes.Contains(s.Name)).ToList();

        Console.WriteLine("| shape | queries | matches per query (median, min–max) | ReefDB searches/s | PostgreSQL searches/s | wall ratio ReefDB / PostgreSQL | ReefDB CPU-ms/search | PostgreSQL CPU-ms/search (backend + client) | CPU ratio | answers |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var shape in shapes)
        {
            // bm25 is ReefDB's own: PostgreSQL has no equivalent, so it has no peer row.
            var peer = shape.Name == "bm25" ? null : pg;
            var check = Check(shape, reef, peer);
            var (reefPass, pgPass) = Measure(shape, reef, peer, options.Rounds);
            var count = shape.Queries.Count;
            Console.WriteLine(Invariant(
                $"| {shape.Name} | {count} | {check.Matches} | {count / reefPass.Wall.TotalSeconds:F1} | {(peer is null ? "—" : (count / pgPass.Wall.TotalSeconds).ToString("F1", CultureInfo.InvariantCulture))} | {(peer is null ? "—" : $"**{Ratio(pgPass.Wall, reefPass.Wall)}**")} | {reefPass.Cpu.TotalMilliseconds / count:F2} | {(peer is null ? "—" : (pgPass.Cpu.TotalMilliseconds / count).ToString("F2", CultureInfo.InvariantCulture))} | {(peer is null ? "—" : $"**{Ratio(pgPass.Cpu, reefPass.Cpu)}**")} | {check.Verdict} |"));
        }

        Console.WriteLine();
        Console.WriteLine($"Load at the end: {Durable.MachineInfo.Load()}");
    }

    private static (Cost Reef, Cost Postgres) Load(Corpus corpus, int documents, ReefSearch reef, PostgresSearch? pg)
    {
        reef.Execute(CreateTable);
        pg?.Execute(CreateTable);
        var reefTime = default(Cost);
        var pgTime = default(Cost);
        var batch = new List<(int, string)>(LoadBatch);
        for (var start = 0; start < documents; start += LoadBatch)
        {
            batch.Clear();
            for (var id = start; id < Math.Min(documents, start + LoadBatch); id++)
            {
                batch.Add((id, corpus.Text(id)));
            }

            reefTime += Cost.Of(() => reef.Insert(batch));
            if (pg is not null)
            {
                pgTime += Cost.Of(() => pg.Copy(batch), pg.BackendPid);
            }
        }

        return (reefTime, pgTime);
    }

    private sealed record CheckResult(string Matches, string Verdict);

    /// <summary>Runs every query once on each engine (also the warm-up) and compares the answers.</summary>
    private static CheckResult Check(Shape shape, ReefSearch reef, PostgresSearch? pg)
    {
        var matches = new List<long>();
        var mismatches = new List<string>();
        foreach (var query in shape.Queries)
        {
            if (!shape.Ranked)
            {
                var count = reef.Count(shape.Sql, query);
                matches.Add(count);
                if (pg is not null && pg.Count(shape.Sql, query) is var expected && expected != count)
                {
                    mismatches.Add($"{query}: ReefDB {count}, PostgreSQL {expected}");
                }

                continue;
            }

            matches.Add(reef.Count(CountSql, query));
            var top = reef.Top(shape.Sql, query);
            if (pg is not null && TopDifference(top, pg.Top(shape.Sql, query)) is { } difference)
            {
                mismatches.Add($"{query}: {difference}");
            }
        }

        foreach (var m in mismatches)
        {
            Console.Error.WriteLine($"  {shape.Name} MISMATCH {m}");
        }

        matches.Sort();
        var summary = Invariant($"{matches[matches.Count / 2]:N0} ({matches[0]:N0}–{matches[^1]:N0})");
        var verdict = pg is null ? "not compared" : mismatches.Count == 0 ? "identical" : $"{mismatches.Count} differ (see stderr)";
        return new CheckResult(summary, verdict);
    }

    /// <summary>
    /// Null when two top-10 lists agree: the same scores in order (within 1e-6) and the same ids, except that
    /// rows tied with the last score may be any of the tied rows (neither engine promises an order among ties).
    /// </summary>
    private static string? TopDifference(IReadOnlyList<(long Id, double Score)> reef, IReadOnlyList<(long Id, double Score)> pg)
    {
        if (reef.Count != pg.Count)
        {
            return $"ReefDB {reef.Count} rows, PostgreSQL {pg.Count}";
        }

        for (var i = 0; i < reef.Count; i++)
        {
            if (Math.Abs(reef[i].Score - pg[i].Score) > 1e-6)
            {
                return Invariant($"rank {i + 1}: ReefDB {reef[i].Id} ({reef[i].Score}), PostgreSQL {pg[i].Id} ({pg[i].Score})");
            }
        }

        var cut = reef.Count == 0 ? 0 : reef[^1].Score;
        var reefIds = reef.Where(r => Math.Abs(r.Score - cut) > 1e-6).Select(r => r.Id).Order();
        var pgIds = pg.Where(r => Math.Abs(r.Score - cut) > 1e-6).Select(r => r.Id).Order();
        return reefIds.SequenceEqual(pgIds) ? null : "different ids above the tied cut";
    }

    /// <summary>
    /// Each engine's pass over the shape's queries, after a warm-up: the median wall time over rounds, and the
    /// mean CPU time (ours for ReefDB; for PostgreSQL the backend's plus ours, Npgsql's client work). A pass repeats the
    /// queries until it lasts about half a second, so the backend's CPU time, counted in 10 ms ticks, is
    /// many ticks long.
    /// </summary>
    private static (Cost Reef, Cost Postgres) Measure(Shape shape, ReefSearch reef, PostgresSearch? pg, int rounds)
    {
        var fastest = new[] { WarmUp(shape, reef), pg is null ? TimeSpan.MaxValue : WarmUp(shape, pg) }.Min();
        var repeats = (int)Math.Clamp(Math.Ceiling(0.5 / Math.Max(fastest.TotalSeconds, 1e-6)), 1, 200);
        var reefCosts = new List<Cost>();
        var pgCosts = new List<Cost>();
        for (var round = 0; round < rounds; round++)
        {
            // Alternate which engine goes first, so a drift in the machine's load does not favour one side.
            for (var turn = 0; turn < 2; turn++)
            {
                ISearchEngine? engine = (turn == 0) == (round % 2 == 0) ? reef : pg;
                if (engine is null)
                {
                    continue;
                }

                var cost = Cost.Of(() => Pass(shape, engine, repeats), engine.BackendPid);
                (engine == reef ? reefCosts : pgCosts).Add(new Cost(cost.Wall / repeats, cost.Cpu / repeats));
            }
        }

        return (Typical(reefCosts), pgCosts.Count == 0 ? default : Typical(pgCosts));
    }

    /// <summary>
    /// Passes over the shape's queries until they have used two CPU-seconds (at most 200 passes): .NET
    /// compiles hot code again, optimized, after it has run a while (tiered compilation, on a background
    /// thread that a loaded machine delays), and the figure is the steady state, as PostgreSQL's compiled
    /// code is from the start. Returns the last pass's wall time.
    /// </summary>
    private static TimeSpan WarmUp(Shape shape, ISearchEngine engine)
    {
        var cpu = TimeSpan.Zero;
        var last = TimeSpan.Zero;
        for (var pass = 0; pass < 200 && cpu < TimeSpan.FromSeconds(2); pass++)
        {
            var cost = Cost.Of(() => Pass(shape, engine, 1), engine.BackendPid);
            (last, cpu) = (cost.Wall, cpu + cost.Cpu);
        }

        return last;
    }

    private static Cost Typical(List<Cost> costs) =>
        new(costs.Select(c => c.Wall).Order().ElementAt(costs.Count / 2), costs.Aggregate(TimeSpan.Zero, (sum, c) => sum + c.Cpu) / costs.Count);

    private static void Pass(Shape shape, ISearchEngine engine, int repeats)
    {
        foreach (var query in Enumerable.Repeat(shape.Queries, repeats).SelectMany(q => q))
        {
            if (shape.Ranked)
            {
                engine.Top(shape.Sql, query);
            }
            else
            {
                engine.Count(shape.Sql, query);
            }
        }
    }

    private static string Ratio(TimeSpan numerator, TimeSpan denominator) =>
        numerator == TimeSpan.Zero || denominator == TimeSpan.Zero ? "—" : Invariant($"{numerator / denominator:F2}×");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
