using System.Globalization;

namespace ReefDB.Benchmarks.FullText;

/// <summary>Command-line options of the <c>fts</c> benchmark.</summary>
internal sealed record FtsOptions
{
    public const string Usage = """
        usage: fts [--docs N] [--seed N] [--queries N] [--rounds N] [--shapes one-term,and,phrase,ts-rank,bm25]
                   [--pg-bin DIR] [--no-postgres]
          --docs       documents to generate (default 100000)
          --seed       corpus and query seed (default 6)
          --queries    queries per shape (default 12)
          --rounds     timed passes over each shape's queries per engine, alternating engines (default 3)
          --shapes     which shapes to time (default all)
          --pg-bin     PostgreSQL 15 server binaries (default /usr/lib/postgresql/15/bin)
          --no-postgres  ReefDB only (profiling); no ratios
        """;

    public static readonly string[] AllShapes = ["one-term", "and", "phrase", "ts-rank", "bm25"];

    public int Documents { get; init; } = 100_000;

    public int Seed { get; init; } = 6;

    public int Queries { get; init; } = 12;

    public int Rounds { get; init; } = 3;

    public IReadOnlyList<string> Shapes { get; init; } = AllShapes;

    public string PostgresBinaries { get; init; } = "/usr/lib/postgresql/15/bin";

    public bool Postgres { get; init; } = true;

    public static FtsOptions Parse(IReadOnlyList<string> args)
    {
        var options = new FtsOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Number() => int.TryParse(Next(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n : throw new ArgumentException($"{args[i]} needs a positive integer");
            options = args[i] switch
            {
                "--docs" => options with { Documents = Number() },
                "--seed" => options with { Seed = Number() },
                "--queries" => options with { Queries = Number() },
                "--rounds" => options with { Rounds = Number() },
                "--shapes" => options with { Shapes = ParseShapes(Next()) },
                "--pg-bin" => options with { PostgresBinaries = Next() },
                "--no-postgres" => options with { Postgres = false },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return options;
    }

    private static string[] ParseShapes(string list)
    {
        var shapes = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = shapes.FirstOrDefault(s => !AllShapes.Contains(s));
        return unknown is null ? shapes : throw new ArgumentException($"unknown shape {unknown}");
    }
}
