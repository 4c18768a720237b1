using System.Text;
using ReefDB.Sql.Errors;
using ReefDB.Sql.Syntax;

namespace ReefDB.Sql.Tests.Syntax;

/// <summary>
/// Random and mutated SQL: the parser and the splitter may only ever answer with a
/// <see cref="SqlException"/>, never another exception, a crash or a hang (DESIGN.md §7).
/// Fixed seeds; a failure names the seed and the input.
/// </summary>
public sealed class ParserFuzzTests
{
    private static readonly string[] Seeds =
    [
        "SELECT a, b AS x, count(*) FROM t JOIN u ON t.id = u.id WHERE a > 1 AND b LIKE 'x%' GROUP BY a, b HAVING count(*) > 1 ORDER BY 1 DESC NULLS LAST LIMIT 10 OFFSET 2",
        "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 10) SELECT * FROM r",
        "INSERT INTO t (a, b) VALUES (1, 'x'), (2, DEFAULT) ON CONFLICT (a) DO UPDATE SET b = excluded.b RETURNING *",
        "UPDATE t SET a = a + 1, b = DEFAULT FROM u WHERE t.id = u.id RETURNING a",
        "DELETE FROM t USING u WHERE t.a = u.a AND NOT EXISTS (SELECT 1 FROM v WHERE v.x IN (1, 2, 3))",
        "CREATE TABLE IF NOT EXISTS t (id BIGINT PRIMARY KEY, name VARCHAR(20) NOT NULL UNIQUE, p INT REFERENCES p(id) ON DELETE CASCADE, CHECK (id > 0))",
        "CREATE UNIQUE INDEX i ON t USING btree (a DESC, (lower(b)))",
        "SELECT CASE WHEN a IS NULL THEN 0 ELSE CAST(a AS NUMERIC(10,2)) END, x::text, E'\\n', $$q$$, B'01', -2 ^ 2 FROM t",
        "SELECT * FROM (SELECT 1) s, LATERAL (VALUES (1), (2)) v(n) WHERE s.a BETWEEN SYMMETRIC 1 AND 2 OR a IS DISTINCT FROM b",
        "BEGIN; SAVEPOINT s; ROLLBACK TO s; RELEASE s; COMMIT; EXPLAIN ANALYZE SELECT 1; SET x = 1; SHOW x",
        "SELECT substring(s FROM 1 FOR 2), trim(both 'x' from s), position('a' in s), extract(year from d), string_agg(a, ',' ORDER BY b)",
        "ALTER TABLE t ADD COLUMN c INT DEFAULT 0, DROP COLUMN IF EXISTS d; DROP TABLE IF EXISTS a, b CASCADE",
    ];

    private static readonly string[] Fragments =
    [
        "(", ")", ",", ";", ".", "::", "*", "+", "-", "/", "%", "^", "=", "<>", "<", ">=", "||", "@@", "'", "\"", "$", "$$",
        "$1", "--", "/*", "*/", "E'", "1e", "1.5", "9999999999999999999999", "NOT", "NULL", "IS", "IN", "LIKE",
        "BETWEEN", "AND", "OR", "SELECT", "FROM", "WHERE", "VALUES", "DEFAULT", "CASE", "WHEN", "END", "CAST", "AS",
        "UNION", "ALL", "ANY", "EXISTS", "JOIN", "ON", "USING", "WITH", "ORDER BY", "LIMIT", "\\", "\n", "\u00e9", "\0", "[",
    ];

    [Fact]
    public void Mutated_statements_only_raise_sql_exceptions()
    {
        for (var seed = 0; seed < 4000; seed++)
        {
            var random = new Random(seed);
            var sql = Mutate(Seeds[random.Next(Seeds.Length)], random);
            AssertOnlySqlExceptions(sql, seed);
        }
    }

    [Fact]
    public void Random_token_soup_only_raises_sql_exceptions()
    {
        for (var seed = 0; seed < 3000; seed++)
        {
            var random = new Random(1_000_000 + seed);
            var builder = new StringBuilder();
            var count = random.Next(1, 40);
            for (var i = 0; i < count; i++)
            {
                builder.Append(random.Next(3) == 0 ? RandomWord(random) : Fragments[random.Next(Fragments.Length)]);
                if (random.Next(3) > 0)
                {
                    builder.Append(' ');
                }
            }

            AssertOnlySqlExceptions(builder.ToString(), seed);
        }
    }

    [Fact]
    public void Random_characters_only_raise_sql_exceptions()
    {
        for (var seed = 0; seed < 2000; seed++)
        {
            var random = new Random(2_000_000 + seed);
            var chars = new char[random.Next(0, 60)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = random.Next(4) == 0 ? (char)random.Next(0, 0xFFFF) : (char)random.Next(0, 128);
            }

            AssertOnlySqlExceptions(new string(chars), seed);
        }
    }

    private static void AssertOnlySqlExceptions(string sql, int seed)
    {
        try
        {
            foreach (var statement in SqlParser.Parse(sql))
            {
                // What parses must print and parse back to the same text.
                var printed = SqlFormatter.Format(statement);
                Assert.Equal(printed, SqlFormatter.Format(SqlParser.ParseSingle(printed)));
            }
        }
        catch (SqlException)
        {
        }
        catch (Exception e)
        {
            Assert.Fail($"seed {seed}: {e.GetType().Name} for input {Escape(sql)}: {e}");
        }

        try
        {
            SqlScriptSplitter.Split(sql);
        }
        catch (Exception e)
        {
            Assert.Fail($"seed {seed}: splitter threw {e.GetType().Name} for input {Escape(sql)}: {e}");
        }
    }

    private static string Mutate(string sql, Random random)
    {
        var text = new StringBuilder(sql);
        var edits = random.Next(1, 6);
        for (var i = 0; i < edits; i++)
        {
            var at = random.Next(text.Length + 1);
            switch (random.Next(5))
            {
                case 0 when text.Length > 0:
                    text.Remove(Math.Min(at, text.Length - 1), Math.Min(random.Next(1, 12), text.Length - Math.Min(at, text.Length - 1)));
                    break;
                case 1:
                    text.Insert(at, Fragments[random.Next(Fragments.Length)]);
                    break;
                case 2 when text.Length > 0:
                    var from = random.Next(text.Length);
                    var length = Math.Min(random.Next(1, 20), text.Length - from);
                    text.Insert(at, text.ToString(from, length));
                    break;
                case 3:
                    text.Insert(at, " " + RandomWord(random) + " ");
                    break;
                default:
                    if (text.Length > 0)
                    {
                        text[Math.Min(at, text.Length - 1)] = (char)random.Next(32, 127);
                    }

                    break;
            }
        }

        return text.ToString();
    }

    private static string RandomWord(Random random)
    {
        string[] words = ["a", "t", "x1", "name", "text", "select", "from", "int", "timestamp", "double", "precision",
            "row", "left", "trim", "extract", "position", "substring", "interval", "over", "filter", "nulls", "first"];
        return words[random.Next(words.Length)];
    }

    private static string Escape(string sql) =>
        string.Concat(sql.Select(c => c is < ' ' or > '~' ? $"\\u{(int)c:x4}" : c.ToString()));
}
