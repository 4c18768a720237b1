namespace ReefDB.Benchmarks.FullText;

/// <summary>
/// The seeded queries of each shape, as <c>to_tsquery('english', …)</c> text, spread over three bands of
/// selectivity (frequent: 10–40 % of documents, middle: 1–10 %, rare: under 1 %, as the corpus's word law
/// predicts; the benchmark reports what they really match). Query words are surface forms (plurals, -ing),
/// so the query side stems too; some phrases span a stop word, which to_tsquery turns into <c>&lt;2&gt;</c>.
/// </summary>
internal static class QuerySet
{
    public static IReadOnlyList<string> OneTerm(Corpus corpus, Random random, int count) =>
        [.. Enumerable.Range(0, count).Select(i => Word(corpus, random, (Band)(i % 3)))];

    public static IReadOnlyList<string> TwoTermAnd(Corpus corpus, Random random, int count)
    {
        (Band, Band)[] pairs = [(Band.Frequent, Band.Frequent), (Band.Frequent, Band.Middle), (Band.Middle, Band.Middle), (Band.Middle, Band.Rare)];
        return [.. Enumerable.Range(0, count).Select(i => $"{Word(corpus, random, pairs[i % pairs.Length].Item1)} & {Word(corpus, random, pairs[i % pairs.Length].Item2)}")];
    }

    /// <summary>
    /// Phrases taken from generated documents (so each matches at least once): two adjacent content words, or
    /// two around one stop word. Words matching more than a fifth of the documents are passed over: people
    /// search phrases of telling words, and a phrase of two everyday words rechecks most of the table.
    /// </summary>
    public static IReadOnlyList<string> Phrase(Corpus corpus, Random random, int documents, int count)
    {
        var stopWords = Vocabulary.StopWords.ToHashSet(StringComparer.Ordinal);
        bool Telling(string word) => !stopWords.Contains(word) && corpus.ExpectedSelectivity(word) < 0.2;
        var phrases = new List<string>(count);
        while (phrases.Count < count)
        {
            var words = corpus.Words(random.Next(documents));
            var spanStopWord = phrases.Count % 2 == 1;
            for (var start = random.Next(words.Length / 2); start + 2 < words.Length; start++)
            {
                var (first, middle, last) = (words[start], words[start + 1], words[start + 2]);
                if (!spanStopWord && Telling(first) && Telling(middle))
                {
                    phrases.Add($"{first} <-> {middle}");
                    break;
                }

                if (spanStopWord && Telling(first) && stopWords.Contains(middle) && Telling(last))
                {
                    phrases.Add($"{first} <-> {middle} <-> {last}");
                    break;
                }
            }
        }

        return phrases;
    }

    private enum Band
    {
        Frequent,
        Middle,
        Rare,
    }

    private static string Word(Corpus corpus, Random random, Band band)
    {
        var (low, high) = band switch
        {
            Band.Frequent => (0.10, 0.40),
            Band.Middle => (0.01, 0.10),
            _ => (0.0, 0.01),
        };
        var candidates = Enumerable.Range(0, corpus.Lemmas.Count)
            .Where(r => corpus.ExpectedSelectivity(r) >= low && corpus.ExpectedSelectivity(r) < high)
            .ToArray();
        var forms = corpus.Lemmas[candidates[random.Next(candidates.Length)]];
        return forms[random.Next(forms.Length)];
    }
}
