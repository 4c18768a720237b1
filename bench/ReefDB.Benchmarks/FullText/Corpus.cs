using System.Text;

namespace ReefDB.Benchmarks.FullText;

/// <summary>
/// A seeded generator of documents of 100–300 words: sentences of stop words (drawn Zipf-like among
/// themselves) and content words whose lemmas follow a Zipf law over a shuffled vocabulary, each used in one
/// of its inflected forms. Document <c>i</c> depends only on the seed and <c>i</c>, so any document can be
/// regenerated without keeping the corpus in memory.
/// </summary>
internal sealed class Corpus
{
    /// <summary>Share of tokens that are stop words (about what English prose has).</summary>
    public const double StopShare = 0.42;
    public const int MinWords = 100;
    public const int MaxWords = 300;

    /// <summary>Exponent of the lemma frequency law: a little above 1, so the tail holds rare words.</summary>
    private const double ZipfExponent = 1.1;

    private readonly int seed;
    private readonly double[] stopCumulative;
    private readonly double[] lemmaCumulative;
    private readonly Dictionary<string, int> rankOfForm = new(StringComparer.Ordinal);

    public Corpus(int seed)
    {
        this.seed = seed;
        var lemmas = new List<string[]>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void AddAll(string[] words, Func<string, string[]> forms)
        {
            foreach (var w in words.Where(seen.Add))
            {
                lemmas.Add(forms(w));
            }
        }

        AddAll(Vocabulary.Nouns, Inflection.NounForms);
        AddAll(Vocabulary.Verbs, Inflection.VerbForms);
        AddAll(Vocabulary.Adjectives, Inflection.AdjectiveForms);
        var shuffled = lemmas.ToArray();
        new Random(seed).Shuffle(shuffled);
        Lemmas = shuffled;
        for (var rank = 0; rank < shuffled.Length; rank++)
        {
            foreach (var form in shuffled[rank])
            {
                rankOfForm.TryAdd(form, rank);
            }
        }

        stopCumulative = Cumulative(Vocabulary.StopWords.Length, 1.0);
        lemmaCumulative = Cumulative(Lemmas.Count, ZipfExponent);
    }

    /// <summary>Each lemma's surface forms (base form first), most frequent lemma first.</summary>
    public IReadOnlyList<string[]> Lemmas { get; }

    /// <summary>Probability that one token is the lemma of rank <paramref name="rank"/> (0 = most frequent).</summary>
    public double LemmaProbability(int rank) =>
        (1 - StopShare) * (lemmaCumulative[rank] - (rank == 0 ? 0 : lemmaCumulative[rank - 1]));

    /// <summary>Expected share of documents holding the lemma (any form): the selectivity of a one-word query.</summary>
    public double ExpectedSelectivity(int rank) =>
        1 - Math.Exp(-LemmaProbability(rank) * (MinWords + MaxWords) / 2.0);

    /// <summary>Expected selectivity of a content word (any of its lemma's forms); 1 for a stop word.</summary>
    public double ExpectedSelectivity(string word) => rankOfForm.TryGetValue(word, out var rank) ? ExpectedSelectivity(rank) : 1;

    /// <summary>The words of document <paramref name="id"/>, in order, without punctuation.</summary>
    public string[] Words(int id)
    {
        var random = new Random(unchecked((seed * 1_000_003) + id));
        var words = new string[random.Next(MinWords, MaxWords + 1)];
        for (var i = 0; i < words.Length; i++)
        {
            if (random.NextDouble() < StopShare)
            {
                words[i] = Vocabulary.StopWords[Sample(stopCumulative, random)];
                continue;
            }

            var forms = Lemmas[Sample(lemmaCumulative, random)];
            words[i] = random.NextDouble() < 0.5 ? forms[0] : forms[random.Next(1, forms.Length)];
        }

        return words;
    }

    /// <summary>The text of document <paramref name="id"/>: its words as sentences (capitals, commas, full stops).</summary>
    public string Text(int id)
    {
        var words = Words(id);
        var random = new Random(unchecked((seed * 7_919) + id));
        var text = new StringBuilder(words.Length * 8);
        var sentenceLeft = 0;
        foreach (var word in words)
        {
            if (sentenceLeft == 0)
            {
                if (text.Length > 0)
                {
                    text.Append(". ");
                }

                sentenceLeft = random.Next(6, 19);
                text.Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
            }
            else
            {
                text.Append(random.Next(12) == 0 ? ", " : " ").Append(word);
            }

            sentenceLeft--;
        }

        return text.Append('.').ToString();
    }

    private static double[] Cumulative(int count, double exponent)
    {
        var cumulative = new double[count];
        double sum = 0;
        for (var r = 0; r < count; r++)
        {
            sum += 1 / Math.Pow(r + 1, exponent);
            cumulative[r] = sum;
        }

        for (var r = 0; r < count; r++)
        {
            cumulative[r] /= sum;
        }

        return cumulative;
    }

    private static int Sample(double[] cumulative, Random random)
    {
        var index = Array.BinarySearch(cumulative, random.NextDouble());
        return Math.Min(index < 0 ? ~index : index, cumulative.Length - 1);
    }
}
