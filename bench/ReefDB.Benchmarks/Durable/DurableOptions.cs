using System.Globalization;

namespace ReefDB.Benchmarks.Durable;

/// <summary>Command-line settings of <c>-- durable</c>; every one has a default that reproduces the published run.</summary>
internal sealed record DurableOptions
{
    /// <summary>Where the temporary databases live (a fresh folder under it, removed afterwards). It must be on the
    /// disk being measured: the fsync probe runs there too.</summary>
    public string Root { get; init; } = Path.GetTempPath();

    public IReadOnlyList<int> Writers { get; init; } = [1, 16, 64];

    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The measured window of one round of one engine.</summary>
    public TimeSpan Measure { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>
    /// Rounds per writer count. Each round runs a short fsync probe, then both engines (alternating which goes first),
    /// and the figures pool all rounds: on a shared virtual disk the fsync latency swings by two orders of magnitude
    /// within seconds, so short interleaved slices give both engines the same disk, where one long run each would not.
    /// </summary>
    public int Rounds { get; init; } = 5;

    public int PayloadBytes { get; init; } = 256;

    /// <summary>Length of the fsync probe printed first; each round also probes for a quarter of it.</summary>
    public TimeSpan FsyncProbe { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>Target size of the recovery snapshot; 0 skips the recovery part.</summary>
    public double RecoveryGigabytes { get; init; } = 1.0;

    public int RecoveryLogEntries { get; init; } = 100_000;

    public bool Inserts { get; init; } = true;

    /// <summary>Run SQLite, ReefDB or both (the ratio needs both); one alone is for profiling.</summary>
    public bool Sqlite { get; init; } = true;

    public bool Reef { get; init; } = true;

    /// <summary>Diagnostic only: both engines without fsync (ReefDB fsync none, SQLite synchronous=OFF), which
    /// isolates each one's software path from the disk. Never the published figure.</summary>
    public bool Fsync { get; init; } = true;

    public const string Usage = """
        durable [--writers 1,16,64] [--seconds 4] [--warmup 1] [--rounds 5] [--payload 256]
                [--recovery-gb 1.0] [--recovery-entries 100000] [--no-inserts] [--only sqlite|reefdb] [--no-fsync] [--dir PATH]
          --seconds and --warmup are per round and engine; figures pool all rounds.
          --no-fsync (diagnostic) turns fsync off in both engines to compare their software paths.
          --recovery-gb 0 skips the recovery part; --no-inserts skips the INSERT part.
        """;

    /// <exception cref="ArgumentException">An unknown option or a bad value (the message says which).</exception>
    public static DurableOptions Parse(IReadOnlyList<string> args)
    {
        var options = new DurableOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--writers" => options with { Writers = [.. Value().Split(',').Select(w => Positive(name, w))] },
                "--seconds" => options with { Measure = TimeSpan.FromSeconds(Positive(name, Value())) },
                "--warmup" => options with { Warmup = TimeSpan.FromSeconds(NonNegative(name, Value())) },
                "--rounds" => options with { Rounds = Positive(name, Value()) },
                "--payload" => options with { PayloadBytes = Positive(name, Value()) },
                "--recovery-gb" => options with { RecoveryGigabytes = NonNegative(name, Value()) },
                "--recovery-entries" => options with { RecoveryLogEntries = (int)NonNegative(name, Value()) },
                "--no-inserts" => options with { Inserts = false },
                "--no-fsync" => options with { Fsync = false },
                "--only" => Value() switch
                {
                    "sqlite" => options with { Reef = false },
                    "reefdb" => options with { Sqlite = false },
                    var other => throw new ArgumentException($"--only expects sqlite or reefdb, got '{other}'."),
                },
                "--dir" => options with { Root = Value() },
                _ => throw new ArgumentException($"Unknown option '{name}'."),
            };
        }

        return options;
    }

    private static int Positive(string name, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{name} expects a positive integer, got '{text}'.");

    private static double NonNegative(string name, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw new ArgumentException($"{name} expects a non-negative number, got '{text}'.");
}
