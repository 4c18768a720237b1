namespace ReefDB.Benchmarks.FullText;

/// <summary>
/// Regular English inflection, enough to give the stemmer the surface forms real text has (plurals, -ed,
/// -ing, -ly). Irregular forms are not produced: they would not change what the benchmark measures.
/// </summary>
internal static class Inflection
{
    public static string[] NounForms(string noun) => [noun, PluralOrThirdPerson(noun)];

    public static string[] VerbForms(string verb) => [verb, PluralOrThirdPerson(verb), Past(verb), Progressive(verb)];

    public static string[] AdjectiveForms(string adjective) => [adjective, Adverb(adjective)];

    private static string PluralOrThirdPerson(string w) =>
        w.EndsWith('s') || w.EndsWith('x') || w.EndsWith('z') || w.EndsWith("ch", StringComparison.Ordinal) || w.EndsWith("sh", StringComparison.Ordinal) ? w + "es"
        : ConsonantY(w) ? w[..^1] + "ies"
        : w + "s";

    private static string Past(string w) =>
        w.EndsWith('e') ? w + "d"
        : ConsonantY(w) ? w[..^1] + "ied"
        : Doubles(w) ? w + w[^1] + "ed"
        : w + "ed";

    private static string Progressive(string w) =>
        w.EndsWith("ie", StringComparison.Ordinal) ? w[..^2] + "ying"
        : w.EndsWith('e') && !w.EndsWith("ee", StringComparison.Ordinal) ? w[..^1] + "ing"
        : Doubles(w) ? w + w[^1] + "ing"
        : w + "ing";

    private static string Adverb(string w) =>
        w.EndsWith("le", StringComparison.Ordinal) ? w[..^1] + "y"
        : w.EndsWith('y') ? w[..^1] + "ily"
        : w.EndsWith("ic", StringComparison.Ordinal) ? w + "ally"
        : w + "ly";

    private static bool ConsonantY(string w) => w.Length > 1 && w[^1] == 'y' && !IsVowel(w[^2]);

    /// <summary>Short consonant-vowel-consonant words double their last letter (stop → stopped).</summary>
    private static bool Doubles(string w) =>
        (w.Length == 3 || (w.Length == 4 && !IsVowel(w[0]) && !IsVowel(w[1])))
        && !IsVowel(w[^3]) && IsVowel(w[^2]) && !IsVowel(w[^1]) && w[^1] is not ('w' or 'x' or 'y');

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
