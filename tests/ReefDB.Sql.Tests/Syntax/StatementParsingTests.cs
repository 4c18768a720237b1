using ReefDB.Sql.Syntax;
using static ReefDB.Sql.Tests.Syntax.ParserTestHelpers;

namespace ReefDB.Sql.Tests.Syntax;

public sealed class StatementParsingTests
{
    [Theory]
    [InlineData("INSERT INTO t VALUES (1, 'a'), (2, DEFAULT)", "INSERT INTO t VALUES (1, 'a'), (2, DEFAULT)")]
    [InlineData("INSERT INTO t (a, b) SELECT x, y FROM u", "INSERT INTO t (a, b) SELECT x, y FROM u")]
    [InlineData("INSERT INTO t (SELECT 1)", "INSERT INTO t SELECT 1")]
    [InlineData("INSERT INTO t DEFAULT VALUES RETURNING *", "INSERT INTO t DEFAULT VALUES RETURNING *")]
    [InlineData("INSERT INTO t AS x (a) VALUES (1) ON CONFLICT (a) DO NOTHING", "INSERT INTO t AS x (a) VALUES (1) ON CONFLICT (a) DO NOTHING")]
    [InlineData("INSERT INTO t VALUES (1) ON CONFLICT DO NOTHING", "INSERT INTO t VALUES (1) ON CONFLICT DO NOTHING")]
    [InlineData("INSERT INTO t VALUES (1, 2) ON CONFLICT (a) DO UPDATE SET b = excluded.b + t.b WHERE t.b < 10 RETURNING a, b AS bee",
        "INSERT INTO t VALUES (1, 2) ON CONFLICT (a) DO UPDATE SET b = (excluded.b + t.b) WHERE (t.b < 10) RETURNING a, b AS bee")]
    [InlineData("INSERT INTO t VALUES (1) ON CONFLICT ON CONSTRAINT t_pkey DO UPDATE SET b = DEFAULT",
        "INSERT INTO t VALUES (1) ON CONFLICT ON CONSTRAINT t_pkey DO UPDATE SET b = DEFAULT")]
    [InlineData("WITH s AS (SELECT 1) INSERT INTO t SELECT * FROM s", "WITH s AS (SELECT 1) INSERT INTO t SELECT * FROM s")]
    public void Inserts(string sql, string expected) => Assert.Equal(expected, RoundTrip(sql));

    [Theory]
    [InlineData("UPDATE t SET a = 1, b = DEFAULT WHERE c", "UPDATE t SET a = 1, b = DEFAULT WHERE c")]
    [InlineData("UPDATE t x SET a = u.a FROM u WHERE x.id = u.id RETURNING x.a",
        "UPDATE t AS x SET a = u.a FROM u WHERE (x.id = u.id) RETURNING x.a")]
    [InlineData("UPDATE t SET (a, b) = (1, 2)", "UPDATE t SET a = 1, b = 2")]
    [InlineData("UPDATE t AS set SET a = 1", "UPDATE t AS set SET a = 1")]
    [InlineData("DELETE FROM t", "DELETE FROM t")]
    [InlineData("DELETE FROM t AS x USING u WHERE x.a = u.a RETURNING *", "DELETE FROM t AS x USING u WHERE (x.a = u.a) RETURNING *")]
    public void Updates_and_deletes(string sql, string expected) => Assert.Equal(expected, RoundTrip(sql));

    [Theory]
    [InlineData("CREATE TABLE t (a INT PRIMARY KEY, b TEXT NOT NULL DEFAULT 'x', c NUMERIC(10, 2) CHECK (c > 0))",
        "CREATE TABLE t (a INTEGER PRIMARY KEY, b text NOT NULL DEFAULT 'x', c NUMERIC(10, 2) CHECK ((c > 0)))")]
    [InlineData("CREATE TABLE IF NOT EXISTS s.t (a BIGINT, b VARCHAR(20) UNIQUE NULL, PRIMARY KEY (a, b), UNIQUE (b), CHECK (a <> 0))",
        "CREATE TABLE IF NOT EXISTS s.t (a BIGINT, b VARCHAR(20) UNIQUE NULL, PRIMARY KEY (a, b), UNIQUE (b), CHECK ((a <> 0)))")]
    [InlineData("CREATE TABLE c (p INT REFERENCES p (id) ON DELETE CASCADE, q INT CONSTRAINT fk REFERENCES p ON DELETE SET NULL ON UPDATE RESTRICT)",
        "CREATE TABLE c (p INTEGER REFERENCES p (id) ON DELETE CASCADE, q INTEGER CONSTRAINT fk REFERENCES p ON DELETE SET NULL ON UPDATE RESTRICT)")]
    [InlineData("CREATE TABLE c (a INT, b INT, CONSTRAINT fk FOREIGN KEY (a, b) REFERENCES p (x, y) ON DELETE NO ACTION)",
        "CREATE TABLE c (a INTEGER, b INTEGER, CONSTRAINT fk FOREIGN KEY (a, b) REFERENCES p (x, y))")]
    [InlineData("CREATE TABLE t (d INT DEFAULT 0 NOT NULL)", "CREATE TABLE t (d INTEGER DEFAULT 0 NOT NULL)")]
    [InlineData("CREATE TABLE t ()", "CREATE TABLE t ()")]
    [InlineData("DROP TABLE IF EXISTS a, b CASCADE", "DROP TABLE IF EXISTS a, b CASCADE")]
    [InlineData("DROP TABLE a RESTRICT", "DROP TABLE a")]
    [InlineData("ALTER TABLE t ADD COLUMN c INT NOT NULL DEFAULT 1", "ALTER TABLE t ADD COLUMN c INTEGER NOT NULL DEFAULT 1")]
    [InlineData("ALTER TABLE t ADD c text, DROP COLUMN IF EXISTS d CASCADE", "ALTER TABLE t ADD COLUMN c text, DROP COLUMN IF EXISTS d CASCADE")]
    [InlineData("ALTER TABLE t DROP d", "ALTER TABLE t DROP COLUMN d")]
    [InlineData("ALTER TABLE t RENAME COLUMN a TO b", "ALTER TABLE t RENAME COLUMN a TO b")]
    [InlineData("ALTER TABLE t RENAME a TO b", "ALTER TABLE t RENAME COLUMN a TO b")]
    [InlineData("ALTER TABLE t RENAME TO u", "ALTER TABLE t RENAME TO u")]
    [InlineData("ALTER TABLE t ADD CONSTRAINT u UNIQUE (a)", "ALTER TABLE t ADD CONSTRAINT u UNIQUE (a)")]
    [InlineData("CREATE UNIQUE INDEX IF NOT EXISTS i ON t USING btree (a DESC NULLS LAST, (lower(b)), c)",
        "CREATE UNIQUE INDEX IF NOT EXISTS i ON t USING btree (a DESC NULLS LAST, (lower(b)), c)")]
    [InlineData("CREATE INDEX ON t (lower(b) text_pattern_ops) WHERE a > 0", "CREATE INDEX ON t ((lower(b))) WHERE (a > 0)")]
    [InlineData("DROP INDEX IF EXISTS i1, i2", "DROP INDEX IF EXISTS i1, i2")]
    [InlineData("CREATE OR REPLACE VIEW v (x, y) AS SELECT a, b FROM t", "CREATE OR REPLACE VIEW v (x, y) AS SELECT a, b FROM t")]
    [InlineData("CREATE VIEW v AS SELECT 1 UNION SELECT 2", "CREATE VIEW v AS SELECT 1 UNION SELECT 2")]
    [InlineData("DROP VIEW IF EXISTS v CASCADE", "DROP VIEW IF EXISTS v CASCADE")]
    public void Ddl(string sql, string expected) => Assert.Equal(expected, RoundTrip(sql));

    [Theory]
    [InlineData("BEGIN", "BEGIN")]
    [InlineData("BEGIN TRANSACTION ISOLATION LEVEL SERIALIZABLE, READ WRITE", "BEGIN")]
    [InlineData("START TRANSACTION", "BEGIN")]
    [InlineData("COMMIT WORK", "COMMIT")]
    [InlineData("END", "COMMIT")]
    [InlineData("ROLLBACK", "ROLLBACK")]
    [InlineData("ABORT", "ROLLBACK")]
    [InlineData("SAVEPOINT s1", "SAVEPOINT s1")]
    [InlineData("ROLLBACK TO SAVEPOINT s1", "ROLLBACK TO SAVEPOINT s1")]
    [InlineData("ROLLBACK WORK TO s1", "ROLLBACK TO SAVEPOINT s1")]
    [InlineData("RELEASE s1", "RELEASE SAVEPOINT s1")]
    [InlineData("EXPLAIN SELECT 1", "EXPLAIN SELECT 1")]
    [InlineData("EXPLAIN ANALYZE DELETE FROM t", "EXPLAIN ANALYZE DELETE FROM t")]
    [InlineData("EXPLAIN (ANALYZE true, COSTS off, FORMAT text) SELECT 1", "EXPLAIN ANALYZE SELECT 1")]
    [InlineData("SET default_text_search_config = 'pg_catalog.english'", "SET default_text_search_config = 'pg_catalog.english'")]
    [InlineData("SET search_path TO public, other", "SET search_path = 'public', 'other'")]
    [InlineData("SET LOCAL x.y = -5", "SET LOCAL x.y = -5")]
    [InlineData("SET statement_timeout TO DEFAULT", "SET statement_timeout = DEFAULT")]
    [InlineData("SET TIME ZONE 'UTC'", "SET timezone = 'UTC'")]
    [InlineData("RESET search_path", "SET search_path = DEFAULT")]
    [InlineData("SHOW server_version", "SHOW server_version")]
    [InlineData("SHOW TIME ZONE", "SHOW timezone")]
    public void Transaction_and_utility_statements(string sql, string expected) => Assert.Equal(expected, RoundTrip(sql));

    [Fact]
    public void Create_table_tree_carries_constraints_and_actions()
    {
        var create = Single<CreateTableStatement>(
            "CREATE TABLE c (id INT PRIMARY KEY, p INT NOT NULL REFERENCES p(id) ON DELETE CASCADE, UNIQUE (p, id))");
        Assert.Equal(["id", "p"], create.Columns.Select(c => c.Name));
        Assert.IsType<PrimaryKeyColumnConstraint>(create.Columns[0].Constraints[0]);
        var reference = Assert.IsType<ReferencesColumnConstraint>(create.Columns[1].Constraints[1]).Reference;
        Assert.Equal(ReferentialAction.Cascade, reference.OnDelete);
        Assert.Equal(ReferentialAction.NoAction, reference.OnUpdate);
        Assert.Equal(["id"], reference.Columns);
        Assert.Equal(["p", "id"], Assert.IsType<UniqueTableConstraint>(create.Constraints[0]).Columns);
    }

    [Fact]
    public void Insert_without_values_has_no_source()
    {
        var insert = Single<InsertStatement>("INSERT INTO t DEFAULT VALUES");
        Assert.Null(insert.Source);
        Assert.Empty(insert.Columns);
    }

    [Fact]
    public void Script_splits_on_semicolons_and_keeps_each_statements_text_and_position()
    {
        var statements = SqlParser.Parse("  ;SELECT 1;\n\n-- comment\nINSERT INTO t VALUES (';');;\n/* x */ COMMIT");
        Assert.Equal(3, statements.Count);
        Assert.Equal("SELECT 1", statements[0].SourceText);
        Assert.Equal("INSERT INTO t VALUES (';')", statements[1].SourceText);
        Assert.Equal("COMMIT", statements[2].SourceText);
        Assert.Equal(new Errors.SourcePosition(4, 1, 25), statements[1].Position);
        Assert.Equal(5, statements[2].Position.Line);
        Assert.Equal(9, statements[2].Position.Column);
    }

    [Fact]
    public void Empty_script_has_no_statements() => Assert.Empty(SqlParser.Parse(" ; -- nothing\n /* here */ ;"));
}
