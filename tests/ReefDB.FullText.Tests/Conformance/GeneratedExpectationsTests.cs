using ReefDB.FullText.Tests.Support;

namespace ReefDB.FullText.Tests.Conformance;

/// <summary>
/// Our own conformance set (scripts/fts-expected: 300 documents, ~1,700 queries covering stemming, stop
/// words, punctuation, hyphenation, numbers, URLs, e-mail, accents, phrases, prefixes, weights, ranking
/// and headlines) whose expected results PostgreSQL 15 produced. Text must be identical; ts_rank and
/// ts_rank_cd agree within 1e-6.
/// </summary>
public sealed class GeneratedExpectationsTests
{
    [Fact]
    public void Library_answers_like_PostgreSQL_15()
    {
        var (passed, failures) = LogicTestRunner.Run(
            Path.Combine(AppContext.BaseDirectory, "Data", "expected", "conformance.test"), tolerance: 1e-6);
        Assert.True(failures.Count == 0, $"{passed} passed, {failures.Count} failed:\n" + string.Join("\n", failures.Take(30)));
    }
}
