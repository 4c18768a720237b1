using ReefDB.Cli.Bench;

namespace ReefDB.Cli.Tests.Bench;

public sealed class MetricsTextTests
{
    private const string Scrape = """
        # HELP reefdb_jit_compiled_methods_total Methods compiled by the JIT since the process started.
        # TYPE reefdb_jit_compiled_methods_total counter
        reefdb_jit_compiled_methods_total_extra 7
        reefdb_jit_compiled_methods_total 12345
        reefdb_proposals_total{result="accepted"} 3
        reefdb_jit_compilation_seconds_total 1.5e+00 1700000000000
        """;

    [Fact]
    public void Reads_the_unlabelled_sample_of_the_named_family_only()
    {
        Assert.Equal(12345, MetricsText.Counter(Scrape, "reefdb_jit_compiled_methods_total"));
        Assert.Equal(1, MetricsText.Counter(Scrape, "reefdb_jit_compilation_seconds_total"));
        Assert.Null(MetricsText.Counter(Scrape, "reefdb_proposals_total"));
        Assert.Null(MetricsText.Counter(Scrape, "reefdb_missing"));
    }
}
