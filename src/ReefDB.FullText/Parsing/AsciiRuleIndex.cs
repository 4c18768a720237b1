namespace ReefDB.FullText.Parsing;

/// <summary>
/// For each parser state and ASCII character (and each value of the parser's <c>ignore</c> flag): the
/// index of the first rule of <see cref="ParserTables.Actions"/> whose test passes for that character
/// before the end of the input, so <see cref="DefaultParser"/> need not walk the rules one by one. Only
/// rows reached through tests that depend on nothing but the character are precomputed; a state whose walk
/// meets a test with effects or lookahead first (host, URL path, stop-host) has -1 there and is walked as
/// PostgreSQL walks it. The answers are those of the walk by construction: the same tests, evaluated early.
/// </summary>
internal static class AsciiRuleIndex
{
    private static readonly int[][] Table = Build();

    /// <summary>The rule to take, or -1 when the rules must be walked.</summary>
    public static int Lookup(ParserState state, bool ignore, int c) => Table[((int)state * 2) + (ignore ? 1 : 0)][c];

    private static int[][] Build()
    {
        var actions = ParserTables.Actions;
        var table = new int[actions.Length * 2][];
        for (var state = 0; state < actions.Length; state++)
        {
            foreach (var ignore in new[] { false, true })
            {
                var row = new int[128];
                for (var c = 0; c < row.Length; c++)
                {
                    row[c] = FirstRule(actions[state], ignore, c);
                }

                table[(state * 2) + (ignore ? 1 : 0)] = row;
            }
        }

        return table;
    }

    private static int FirstRule(ParserRule[] rules, bool ignore, int c)
    {
        for (var i = 0; i < rules.Length; i++)
        {
            bool? passes = rules[i].Test switch
            {
                CharTest.Always => true,
                CharTest.Eof => false,
                CharTest.EqC => c == rules[i].C,
                CharTest.Ignore => ignore,
                CharTest.AscLet => CharClass.IsAsciiLetter(c),
                CharTest.UrlChar => DefaultParser.IsUrlChar(c, 1),
                var test => CharClass.ClassTest(test, c),
            };
            if (passes is null)
            {
                return -1;
            }

            if (passes.Value)
            {
                return i;
            }
        }

        return -1;
    }
}
