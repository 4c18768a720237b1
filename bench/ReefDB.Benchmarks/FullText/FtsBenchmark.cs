using System.Diagnostics;
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
        var build = Time(() => reef.Execute(CreateIndex));
        var pgBuild = pg is null ? TimeSpan.Zero : Time(() => pg.Execute(CreateIndex));
        pg?.Execute("VACUUM ANALYZE docs");
        var roundTrip = pg?.RoundTrip(2_000) ?? TimeSpan.Zero;

        Console.WriteLine();
        Console.WriteLine("| step | ReefDB | PostgreSQL | ratio (PostgreSQL time / ReefDB time) |");
        Console.WriteLine("|---|---:|---:|---:|");
        Console.WriteLine(Invariant($"| load {options.Documents:N0} documents (ReefDB: INSERTs of {LoadBatch} rows; PostgreSQL: binary COPY) | {load.Reef.TotalSeconds:F1} s | {load.Postgres.TotalSeconds:F1} s | {Ratio(load.Postgres, load.Reef)} |"));
        Console.WriteLine(Invariant($"| CREATE INDEX … USING gin (to_tsvector('english', body)) | {build.TotalSeconds:F1} s | {pgBuild.TotalSeconds:F1} s | **{Ratio(pgBuild, build)}** |"));
        Console.WriteLine(Invariant($"| loopback round trip of a prepared SELECT 1 (PostgreSQL only) | — | {roundTrip.TotalMicroseconds:F0} µs | |"));
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

        Console.WriteLine("| shape | queries | matches per query (median, min–max) | ReefDB searches/s | PostgreSQL searches/s | ratio ReefDB / PostgreSQL | answers |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---|");
        foreach (var shape in shapes)
        {
            // bm25 is ReefDB's own: PostgreSQL has no equivalent, so it has no peer row.
            var peer = shape.Name == "bm25" ? null : pg;
            var check = Check(shape, reef, peer);
            var (reefRate, pgRate) = Measure(shape, reef, peer, options.Rounds);
            Console.WriteLine(Invariant(
                $"| {shape.Name} | {shape.Queries.Count} | {check.Matches} | {reefRate:F1} | {(peer is null ? "—" : pgRate.ToString("F1", CultureInfo.InvariantCulture))} | {(peer is null ? "—" : $"**{reefRate / pgRate:F2}×**")} | {check.Verdict} |"));
        }

        Console.WriteLine();
        Console.WriteLine($"Load at the end: {Durable.MachineInfo.Load()}");
    }

    private static (TimeSpan Reef, TimeSpan Postgres) Load(Corpus corpus, int documents, ReefSearch reef, PostgresSearch? pg)
    {
        reef.Execute(CreateTable);
        pg?.Execute(CreateTable);
        var reefTime = TimeSpan.Zero;
        var pgTime = TimeSpan.Zero;
        var batch = new List<(int, string)>(LoadBatch);
        for (var start = 0; start < documents; start += LoadBatch)
        {
            batch.Clear();
            for (var id = start; id < Math.Min(documents, start + LoadBatch); id++)
            {
                batch.Add((id, corpus.Text(id)));
            }

            reefTime += Time(() => reef.Insert(batch));
            if (pg is not null)
            {
                pgTime += Time(() => pg.Copy(batch));
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

    /// <summary>Searches per second of each engine: the median over rounds of one pass over the shape's queries.</summary>
    private static (double Reef, double Postgres) Measure(Shape shape, ReefSearch reef, PostgresSearch? pg, int rounds)
    {
        var reefTimes = new List<TimeSpan>();
        var pgTimes = new List<TimeSpan>();
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

                var time = Time(() => Pass(shape, engine));
                (engine == reef ? reefTimes : pgTimes).Add(time);
            }
        }

        return (Rate(shape, reefTimes), pgTimes.Count == 0 ? 0 : Rate(shape, pgTimes));
    }

    private static void Pass(Shape shape, ISearchEngine engine)
    {
        foreach (var query in shape.Queries)
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

    private static double Rate(Shape shape, List<TimeSpan> times) => shape.Queries.Count / times.Order().ElementAt(times.Count / 2).TotalSeconds;

    private static TimeSpan Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed;
    }

    private static string Ratio(TimeSpan numerator, TimeSpan denominator) =>
        numerator == TimeSpan.Zero ? "—" : Invariant($"{numerator / denominator:F2}×");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
