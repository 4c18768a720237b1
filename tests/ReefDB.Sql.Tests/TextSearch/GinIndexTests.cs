using CsCheck;
using ReefDB.Sql.Execution;
using ReefDB.Sql.Snapshots;
using ReefDB.Sql.Tests.Execution;

namespace ReefDB.Sql.Tests.TextSearch;

/// <summary>GIN indexes over tsvectors: DDL rules, maintenance, snapshots, plans, and identical answers.</summary>
public sealed class GinIndexTests
{
    private static readonly string[] Words = ["cat", "cats", "dog", "fat", "rat", "the", "a", "jumping", "jumped", "catalog", "dot"];

    private readonly TestDatabase db = new();

    [Fact]
    public void Explain_shows_a_gin_scan_for_match_predicates_on_the_indexed_expression_or_column()
    {
        db.Exec("CREATE TABLE docs (id int PRIMARY KEY, body text, v tsvector)");
        db.Exec("CREATE INDEX docs_body ON docs USING gin (to_tsvector('english', body))");
        db.Exec("CREATE INDEX docs_v ON docs USING GIN (v)");

        var onExpression = string.Join("\n", db.Rows("EXPLAIN SELECT id FROM docs WHERE to_tsvector('english', body) @@ to_tsquery('english', 'cat')"));
        var onColumn = string.Join("\n", db.Rows("EXPLAIN SELECT id FROM docs WHERE 'cat'::tsquery @@ v"));
        var otherConfig = string.Join("\n", db.Rows("EXPLAIN SELECT id FROM docs WHERE to_tsvector('simple', body) @@ 'cat'"));

        Assert.Contains("GIN Index Scan using docs_body on docs", onExpression, StringComparison.Ordinal);
        Assert.Contains("GIN Index Scan using docs_v on docs", onColumn, StringComparison.Ordinal);
        Assert.DoesNotContain("GIN", otherConfig, StringComparison.Ordinal);
    }

    [Fact]
    public void Gin_indexes_accept_only_immutable_tsvector_keys()
    {
        db.Exec("CREATE TABLE docs (id int PRIMARY KEY, body text, v tsvector)");
        Assert.Equal("42704", db.Error("CREATE INDEX ON docs USING gin (id)"));
        Assert.Equal("42704", db.Error("CREATE INDEX ON docs USING gin (body)"));
        Assert.Equal("0A000", db.Error("CREATE UNIQUE INDEX ON docs USING gin (v)"));
        Assert.Equal("42P17", db.Error("CREATE INDEX ON docs USING gin (to_tsvector(body))"));
        Assert.Equal("42704", db.Error("CREATE INDEX ON docs USING nonesuch (v)"));
    }

    [Fact]
    public void Writes_in_transactions_keep_the_index_in_step_and_rollback_undoes_them()
    {
        db.Exec("CREATE TABLE docs (id int PRIMARY KEY, body text)");
        db.Exec("CREATE INDEX docs_body ON docs USING gin (to_tsvector('english', body))");
        const string Query = "SELECT id FROM docs WHERE to_tsvector('english', body) @@ to_tsquery('english', 'cat') ORDER BY id";
        db.Exec("BEGIN; INSERT INTO docs VALUES (1, 'a cat'), (2, 'a dog'), (3, 'cats'); COMMIT");
        Assert.Equal(["1", "3"], db.Rows(Query));

        db.Exec("BEGIN; UPDATE docs SET body = 'dogs only' WHERE id = 1; DELETE FROM docs WHERE id = 3; UPDATE docs SET body = 'catty cat' WHERE id = 2; COMMIT");
        Assert.Equal(["2"], db.Rows(Query));

        db.Run("BEGIN; DELETE FROM docs; INSERT INTO docs VALUES (9, 'cat'); ROLLBACK");
        Assert.Equal(["2"], db.Rows(Query));

        var gin = db.Version.Data("docs").Index("docs_body");
        Assert.Equal(new GinStatistics(2, 3), gin.Gin); // 'only' is a stop word
        Assert.Equal(3, gin.Entries.Count); // 'dog' for row 1, 'catti' 'cat' for row 2
    }

    [Fact]
    public void Snapshots_keep_gin_indexes_and_their_statistics()
    {
        db.Exec("CREATE TABLE docs (id int PRIMARY KEY, v tsvector)");
        db.Exec("INSERT INTO docs VALUES (1, 'a:1 b:2'), (2, 'b:1,2 c'), (3, NULL)");
        db.Exec("CREATE INDEX docs_v ON docs USING gin (v)");
        using var stream = new MemoryStream();
        DatabaseSnapshot.Write(db.Version, stream);
        var restored = DatabaseSnapshot.Read(new MemoryStream(stream.ToArray()));

        var index = restored.Data("docs").Index("docs_v");
        Assert.True(restored.Catalog.Indexes["docs_v"].IsGin);
        Assert.Equal(new GinStatistics(2, 5), index.Gin);
        Assert.Equal(db.Version.Data("docs").Index("docs_v").Entries.Count, index.Entries.Count);
        var answer = new SqlEngine().Execute(restored, "SELECT id FROM docs WHERE v @@ 'b & !c'").Results[^1];
        Assert.Equal("1", Assert.Single(answer.Rows)[0].FormatText());
    }

    [Fact]
    public void Create_index_over_existing_rows_stores_what_maintenance_on_insert_stores()
    {
        var built = new TestDatabase();
        var maintained = new TestDatabase();
        foreach (var d in new[] { built, maintained })
        {
            d.Exec("CREATE TABLE docs (id int PRIMARY KEY, body text)");
        }

        maintained.Exec("CREATE INDEX docs_body ON docs USING gin (to_tsvector('english', body))");
        var rows = string.Join(", ", Enumerable.Range(0, 60).Select(i => $"({(i * 37) % 61}, '{Words[i % Words.Length]} {Words[(i * 7) % Words.Length]} {Words[(i * 3) % Words.Length]}')"));
        foreach (var d in new[] { built, maintained })
        {
            d.Exec($"INSERT INTO docs VALUES {rows}, (100, NULL), (101, '')");
        }

        built.Exec("CREATE INDEX docs_body ON docs USING gin (to_tsvector('english', body))");
        var a = built.Version.Data("docs").Index("docs_body");
        var b = maintained.Version.Data("docs").Index("docs_body");
        static string Dump(IndexData index) => string.Join("\n", index.Entries.Range(null, null).Select(e => string.Join("|", e.Key.Values) + "=" + string.Join("|", e.Value)));
        Assert.Equal(Dump(b), Dump(a));
        Assert.Equal(b.Gin, a.Gin);
    }

    [Fact]
    public void A_count_of_matches_reads_no_row_when_the_index_decides()
    {
        db.Exec("CREATE TABLE docs (id int PRIMARY KEY, body text)");
        db.Exec("CREATE INDEX docs_body ON docs USING gin (to_tsvector('english', body))");
        db.Exec("INSERT INTO docs VALUES (1, 'fat cats'), (2, 'a fat rat'), (3, 'the cat sat'), (4, NULL), (5, '')");
        const string Match = "to_tsvector('english', body) @@ to_tsquery('english', $1)";

        var plan = string.Join("\n", db.Rows($"EXPLAIN SELECT count(*) FROM docs WHERE {Match}", ReefDB.Sql.Types.SqlValue.FromText("cat")));
        var withColumn = string.Join("\n", db.Rows($"EXPLAIN SELECT count(id) FROM docs WHERE {Match}", ReefDB.Sql.Types.SqlValue.FromText("cat")));

        Assert.Contains("GIN Index Scan using docs_body on docs", plan, StringComparison.Ordinal);
        Assert.Contains("no columns read", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("no columns read", withColumn, StringComparison.Ordinal);
        var plain = new TestDatabase();
        plain.Exec("CREATE TABLE docs (id int PRIMARY KEY, body text)");
        plain.Exec("INSERT INTO docs VALUES (1, 'fat cats'), (2, 'a fat rat'), (3, 'the cat sat'), (4, NULL), (5, '')");
        foreach (var (query, expected) in new[] { ("cat", "2"), ("fat & cat", "1"), ("fat | sat", "3"), ("fat <-> rat", "1"), ("ca:*", "2"), ("!cat", null), ("dog", "0") })
        {
            var count = db.Rows($"SELECT count(*) FROM docs WHERE {Match}", ReefDB.Sql.Types.SqlValue.FromText(query));
            Assert.Equal(plain.Rows($"SELECT count(*) FROM docs WHERE {Match}", ReefDB.Sql.Types.SqlValue.FromText(query)), count);
            if (expected is not null)
            {
                Assert.Equal([expected], count);
            }
        }
    }

    [Fact]
    public void Posting_lists_keyed_by_text_or_by_row_id_answer_as_without_the_index()
    {
        foreach (var (schema, id) in new[] { ("(id text PRIMARY KEY, body text)", "i::text"), ("(id int, body text)", "i") })
        {
            var plain = new TestDatabase();
            var indexed = new TestDatabase();
            foreach (var d in new[] { plain, indexed })
            {
                d.Exec($"CREATE TABLE docs {schema}");
                d.Exec($"INSERT INTO docs SELECT {id}, CASE i % 3 WHEN 0 THEN 'fat cat' WHEN 1 THEN 'fat rat' ELSE 'cats and rats' END FROM generate_series(1, 30) AS s(i)");
            }

            indexed.Exec("CREATE INDEX docs_body ON docs USING gin (to_tsvector('english', body))");
            foreach (var q in new[] { "fat & cat", "cat & rat", "fat | rat", "ca:* & !fat", "cat <-> rat", "!cat" })
            {
                foreach (var sql in new[] { $"SELECT id FROM docs WHERE to_tsvector('english', body) @@ to_tsquery('english', '{q}')", $"SELECT count(*) FROM docs WHERE to_tsvector('english', body) @@ to_tsquery('english', '{q}')" })
                {
                    Assert.Equal(plain.Rows(sql), indexed.Rows(sql));
                }
            }
        }
    }

    [Fact]
    public void The_distinct_lexeme_count_is_the_same_whether_insert_or_create_index_filled_the_index()
    {
        var built = new TestDatabase();
        var maintained = new TestDatabase();
        foreach (var d in new[] { built, maintained })
        {
            d.Exec("CREATE TABLE docs (id int PRIMARY KEY, body text)");
        }

        maintained.Exec("CREATE INDEX docs_body ON docs USING gin (to_tsvector('english', body))");
        foreach (var d in new[] { built, maintained })
        {
            d.Exec("INSERT INTO docs VALUES (1, 'fat cats'), (2, 'a fat rat'), (3, 'the cat sat'), (4, NULL), (5, 'dogs')");
        }

        built.Exec("CREATE INDEX docs_body ON docs USING gin (to_tsvector('english', body))");
        long Distinct(TestDatabase d) => d.Version.Data("docs").Index("docs_body").DistinctLeading;
        Assert.Equal(5, Distinct(built)); // cat dog fat rat sat
        Assert.Equal(5, Distinct(maintained));

        foreach (var d in new[] { built, maintained })
        {
            d.Exec("DELETE FROM docs WHERE id = 5; UPDATE docs SET body = 'rats' WHERE id = 2");
        }

        Assert.Equal(4, Distinct(built)); // cat fat rat sat
        Assert.Equal(4, Distinct(maintained));
    }

    [Fact]
    public void The_row_estimate_of_a_known_query_comes_from_its_posting_lists()
    {
        db.Exec("CREATE TABLE docs (id int PRIMARY KEY, body text)");
        db.Exec("CREATE INDEX docs_body ON docs USING gin (to_tsvector('english', body))");
        db.Exec("INSERT INTO docs SELECT i, CASE WHEN i <= 64 THEN 'common' ELSE 'plain' END || CASE WHEN i = 7 THEN ' rare' ELSE '' END FROM generate_series(1, 1024) AS s(i)");
        string Plan(string query) => string.Join("\n", db.Rows($"EXPLAIN SELECT id FROM docs WHERE to_tsvector('english', body) @@ to_tsquery('english', '{query}')"));

        Assert.Contains("(rows=64)", Plan("common"), StringComparison.Ordinal);
        Assert.Contains("(rows=1)", Plan("rare"), StringComparison.Ordinal);
        Assert.Contains("(rows=1)", Plan("common & rare"), StringComparison.Ordinal);
        Assert.Contains("(rows=65)", Plan("common | rare"), StringComparison.Ordinal); // 64 + 1
        Assert.Contains("(rows=1024)", Plan("!rare"), StringComparison.Ordinal);
        Assert.Contains("(rows=512)", Plan("pla:*"), StringComparison.Ordinal); // 'plain' in 960 rows, bucketed
        Assert.Contains("(rows=10)", string.Join("\n", db.Rows("EXPLAIN SELECT id FROM docs WHERE to_tsvector('english', body) @@ to_tsquery('english', $1)", ReefDB.Sql.Types.SqlValue.FromText("common"))));
    }

    private static Gen<string> Document =>
        Gen.Int[0, Words.Length - 1].Select(i => Words[i]).List[0, 12].Select(ws => string.Join(" ", ws));

    private static Gen<string> Term =>
        Gen.Select(Gen.Int[0, Words.Length - 1], Gen.Int[0, 4], (i, decoration) => decoration switch
        {
            0 => Words[i],
            1 => Words[i][..Math.Min(3, Words[i].Length)] + ":*",
            2 => "!" + Words[i],
            3 => Words[i] + ":AB",
            _ => Words[i] + ":D",
        });

    private static Gen<string> TsQueryText =>
        Gen.Select(Term, Term, Term, Gen.Int[0, 5], (a, b, c, shape) => shape switch
        {
            0 => a,
            1 => $"{a} & {b}",
            2 => $"{a} | {b} & {c}",
            3 => $"{a} <-> {b}",
            4 => $"!({a} & {b}) | {c}",
            _ => $"({a} | {b}) <2> {c}",
        });

    [Fact]
    public void Results_with_and_without_the_index_are_identical()
    {
        Gen.Select(Gen.Select(Document, Gen.Int[0, 3]).List[0, 40], TsQueryText.List[1, 8]).Sample(
            input =>
            {
                var (documents, queries) = input;
                var plain = new TestDatabase();
                var indexed = new TestDatabase();
                foreach (var d in new[] { plain, indexed })
                {
                    d.Exec("CREATE TABLE docs (id int PRIMARY KEY, body text, v tsvector)");
                }

                indexed.Exec("CREATE INDEX docs_body ON docs USING gin (to_tsvector('english', body))");
                var inserts = documents.Select((doc, i) =>
                    $"INSERT INTO docs VALUES ({i}, '{doc.Item1}', setweight(to_tsvector('simple', '{doc.Item1}'), '{"ABCD"[doc.Item2]}'))").ToList();
                foreach (var d in new[] { plain, indexed })
                {
                    foreach (var insert in inserts)
                    {
                        d.Exec(insert);
                    }
                }

                indexed.Exec("CREATE INDEX docs_v ON docs USING gin (v)");
                indexed.Exec("DELETE FROM docs WHERE id % 7 = 3");
                plain.Exec("DELETE FROM docs WHERE id % 7 = 3");
                foreach (var q in queries)
                {
                    foreach (var sql in new[]
                    {
                        $"SELECT id FROM docs WHERE to_tsvector('english', body) @@ to_tsquery('english', '{q}')",
                        $"SELECT id, v FROM docs WHERE v @@ '{q}'",
                        $"SELECT count(*) FROM docs WHERE '{q}'::tsquery @@ v",
                        $"SELECT count(*), count(*) FILTER (WHERE id % 2 = 0) FROM docs WHERE to_tsvector('english', body) @@ to_tsquery('english', '{q}')",
                        $"SELECT count(*) FROM docs WHERE v @@ '{q}' AND id % 3 <> 1",
                        $"SELECT id, ts_rank(v, '{q}') AS r FROM docs WHERE v @@ '{q}' ORDER BY r DESC LIMIT 4 OFFSET 1",
                        $"SELECT id FROM docs WHERE v @@ '{q}' AND id % 3 <> 1",
                        $"SELECT id, ts_rank(to_tsvector('english', body), to_tsquery('english', '{q}')) AS r FROM docs WHERE to_tsvector('english', body) @@ to_tsquery('english', '{q}') ORDER BY r DESC, id LIMIT 3",
                    })
                    {
                        var withIndex = indexed.Run(sql).Results[^1];
                        var without = plain.Run(sql).Results[^1];
                        Assert.Equal(without.Error?.SqlState, withIndex.Error?.SqlState);
                        Assert.Equal(Format(without), Format(withIndex));
                    }
                }
            },
            seed: "0N0XIzNsQ0O2",
            iter: 60);
    }

    private static string Format(StatementResult result) =>
        string.Join("\n", result.Rows.Select(r => string.Join("|", r.Select(v => v.ToString()))));
}
