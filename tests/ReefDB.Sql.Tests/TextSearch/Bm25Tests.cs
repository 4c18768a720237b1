using System.Globalization;
using CsCheck;
using ReefDB.FullText;
using ReefDB.Sql.Tests.Execution;

namespace ReefDB.Sql.Tests.TextSearch;

/// <summary>bm25(document, query [, k1, b]) against a naive computation over the table's rows.</summary>
public sealed class Bm25Tests
{
    private static readonly string[] Words = ["cat", "cats", "dog", "fat", "rat", "jumping", "jumped", "catalog", "dot", "red"];

    private readonly TestDatabase db = new();

    [Fact]
    public void Bm25_needs_a_gin_index_on_its_document()
    {
        db.Exec("CREATE TABLE docs (id int PRIMARY KEY, body text, v tsvector)");
        Assert.Equal("0A000", db.Error("SELECT bm25(v, 'cat') FROM docs"));
        db.Exec("CREATE INDEX docs_body ON docs USING gin (to_tsvector('english', body))");
        db.Exec("INSERT INTO docs VALUES (1, 'fat cats', NULL), (2, 'dogs', NULL), (3, NULL, NULL)");
        Assert.Equal(["1", "2", "3"], db.Rows("SELECT id FROM docs ORDER BY bm25(to_tsvector('english', body), to_tsquery('english', 'cat')) DESC NULLS LAST, id"));
        Assert.Equal("0A000", db.Error("SELECT bm25(to_tsvector('simple', body), 'cat') FROM docs"));
        Assert.Equal("42883", db.Error("SELECT bm25(body, 'cat') FROM docs"));
        Assert.Equal("22023", db.Error("SELECT bm25(to_tsvector('english', body), 'cat', 1.2, 2) FROM docs"));
    }

    [Fact]
    public void Scores_match_a_naive_computation_and_top_k_uses_the_index()
    {
        var documents = Gen.Int[0, Words.Length - 1].Select(i => Words[i]).List[0, 10].Select(ws => string.Join(' ', ws)).List[1, 30];
        var terms = Gen.Select(Gen.Int[0, Words.Length - 1], Gen.Int[0, 2], (i, kind) => kind switch
        {
            0 => Words[i],
            1 => Words[i][..3] + ":*",
            _ => "!" + Words[i],
        });
        var queries = Gen.Select(terms, terms, Gen.Int[0, 2], (a, b, shape) => shape switch
        {
            0 => a,
            1 => $"{a} | {b}",
            _ => $"{a} & {b}",
        });
        Gen.Select(documents, queries, Gen.Double[0, 3], Gen.Double[0, 1]).Sample(
            input =>
            {
                var (docs, query, k1, b) = input;
                var database = new TestDatabase();
                database.Exec("CREATE TABLE docs (id int PRIMARY KEY, v tsvector)");
                database.Exec("CREATE INDEX docs_v ON docs USING gin (v)");
                for (var i = 0; i < docs.Count; i++)
                {
                    database.Exec($"INSERT INTO docs VALUES ({i}, to_tsvector('simple', '{docs[i]}'))");
                }

                // Later writes must keep the statistics right.
                database.Exec("UPDATE docs SET v = to_tsvector('simple', 'red red dot') WHERE id % 5 = 1");
                database.Exec("DELETE FROM docs WHERE id % 4 = 2");
                var k = k1.ToString("R", CultureInfo.InvariantCulture);
                var bText = b.ToString("R", CultureInfo.InvariantCulture);
                var rows = database.Rows($"SELECT id, v::text, bm25(v, '{query}', {k}, {bText}) FROM docs ORDER BY id");
                var vectors = rows.Select(r => TsVector.Parse(r.Split('|')[1])).ToList();
                var tsQuery = TsQuery.Parse(query);
                for (var i = 0; i < rows.Count; i++)
                {
                    var expected = NaiveBm25(vectors[i], vectors, tsQuery, k1, b);
                    var actual = double.Parse(rows[i].Split('|')[2], CultureInfo.InvariantCulture);
                    Assert.True(Math.Abs(expected - actual) <= 1e-9 * Math.Max(1, Math.Abs(expected)), $"row {rows[i]}: expected {expected}");
                }

                var top = database.Rows($"SELECT id FROM docs WHERE v @@ '{query}' ORDER BY bm25(v, '{query}') DESC, id LIMIT 3");
                var naiveTop = rows.Select((r, i) => (Id: r.Split('|')[0], Matches: ReefDB.FullText.TextSearch.Matches(vectors[i], tsQuery), Score: NaiveBm25(vectors[i], vectors, tsQuery, 1.2, 0.75)))
                    .Where(x => x.Matches).OrderByDescending(x => x.Score).ThenBy(x => int.Parse(x.Id, CultureInfo.InvariantCulture)).Take(3).Select(x => x.Id).ToList();
                Assert.Equal(naiveTop, top);
            },
            seed: "0N0XIzNsQ0O2",
            iter: 40);
    }

    [Fact]
    public void Top_k_queries_read_the_gin_index()
    {
        db.Exec("CREATE TABLE docs (id int PRIMARY KEY, v tsvector)");
        db.Exec("CREATE INDEX docs_v ON docs USING gin (v)");
        var plan = string.Join("\n", db.Rows("EXPLAIN SELECT id FROM docs WHERE v @@ 'cat' ORDER BY bm25(v, 'cat') DESC LIMIT 10"));
        Assert.Contains("GIN Index Scan using docs_v", plan, StringComparison.Ordinal);
    }

    /// <summary>The textbook formula over the rows themselves: no index, no shortcuts.</summary>
    private static double NaiveBm25(TsVector document, List<TsVector> collection, TsQuery query, double k1, double b)
    {
        static long Length(TsVector v) => v.Entries.Sum(e => (long)Math.Max(1, e.Positions.Count));
        static long Tf(TsVector v, TsQueryTerm t) => v.Entries
            .Where(e => t.Prefix ? e.Lexeme.StartsWith(t.Lexeme, StringComparison.Ordinal) : e.Lexeme == t.Lexeme)
            .Sum(e => (long)Math.Max(1, e.Positions.Count));
        var n = collection.Count;
        var average = collection.Average(v => (double)Length(v));
        double score = 0;
        foreach (var term in query.PositiveTerms())
        {
            var tf = Tf(document, term);
            if (tf == 0)
            {
                continue;
            }

            var df = collection.Count(v => Tf(v, term) > 0);
            var idf = Math.Log(1 + ((n - df + 0.5) / (df + 0.5)));
            var norm = average > 0 ? Length(document) / average : 1;
            score += idf * tf * (k1 + 1) / (tf + (k1 * (1 - b + (b * norm))));
        }

        return score;
    }
}
