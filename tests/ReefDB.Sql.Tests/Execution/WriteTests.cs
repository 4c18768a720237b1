using ReefDB.Sql.Types;

namespace ReefDB.Sql.Tests.Execution;

public sealed class WriteTests
{
    [Fact]
    public void Insert_applies_defaults_and_returning()
    {
        var db = new TestDatabase();
        db.Exec("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT NOT NULL, n INTEGER DEFAULT 7)");
        var outcome = db.Run("INSERT INTO t(id, name) VALUES (1, 'a'), (2, 'b') RETURNING id, n");
        Assert.Equal("INSERT 0 2", outcome.Results[0].CommandTag);
        Assert.Equal(2, outcome.Results[0].Rows.Count);
        Assert.Equal(["1|a|7", "2|b|7"], db.Rows("SELECT * FROM t ORDER BY id"));
    }

    [Fact]
    public void Constraint_violations_change_nothing()
    {
        var db = new TestDatabase();
        db.Exec("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, n INTEGER CHECK (n > 0))");
        db.Exec("INSERT INTO t VALUES (1, 'a', 1)");
        Assert.Equal("23505", db.Error("INSERT INTO t VALUES (2, 'b', 1), (1, 'c', 1)"));
        Assert.Equal("23505", db.Error("INSERT INTO t VALUES (3, 'a', 1)"));
        Assert.Equal("23502", db.Error("INSERT INTO t VALUES (4, NULL, 1)"));
        Assert.Equal("23514", db.Error("INSERT INTO t VALUES (5, 'e', 0)"));
        Assert.Equal(["1"], db.Rows("SELECT count(*) FROM t"));
    }

    [Fact]
    public void Update_and_delete_with_returning()
    {
        var db = new TestDatabase();
        db.Exec("CREATE TABLE t(id INTEGER PRIMARY KEY, v INTEGER)");
        db.Exec("INSERT INTO t VALUES (1, 10), (2, 20), (3, 30)");
        Assert.Equal(["2|21"], db.Rows("UPDATE t SET v = v + 1 WHERE id = 2 RETURNING id, v"));
        Assert.Equal(["3"], db.Rows("DELETE FROM t WHERE v > 25 RETURNING id"));
        Assert.Equal(["1|10", "2|21"], db.Rows("SELECT * FROM t ORDER BY id"));
        db.Exec("UPDATE t SET id = id + 10");
        Assert.Equal(["11|10", "12|21"], db.Rows("SELECT * FROM t ORDER BY id"));
    }

    [Fact]
    public void On_conflict_do_nothing_and_do_update()
    {
        var db = new TestDatabase();
        db.Exec("CREATE TABLE t(id INTEGER PRIMARY KEY, v INTEGER)");
        db.Exec("INSERT INTO t VALUES (1, 10)");
        db.Exec("INSERT INTO t VALUES (1, 99), (2, 20) ON CONFLICT DO NOTHING");
        db.Exec("INSERT INTO t VALUES (2, 5) ON CONFLICT (id) DO UPDATE SET v = t.v + excluded.v");
        Assert.Equal(["1|10", "2|25"], db.Rows("SELECT * FROM t ORDER BY id"));
    }

    [Fact]
    public void Foreign_keys_restrict_cascade_and_set_null()
    {
        var db = new TestDatabase();
        db.Exec("CREATE TABLE p(id INTEGER PRIMARY KEY)");
        db.Exec("CREATE TABLE c1(id INTEGER, pid INTEGER REFERENCES p(id) ON DELETE CASCADE)");
        db.Exec("CREATE TABLE c2(id INTEGER, pid INTEGER REFERENCES p ON DELETE SET NULL)");
        db.Exec("CREATE TABLE c3(id INTEGER, pid INTEGER REFERENCES p)");
        db.Exec("INSERT INTO p VALUES (1), (2), (3)");
        Assert.Equal("23503", db.Error("INSERT INTO c1 VALUES (1, 9)"));
        db.Exec("INSERT INTO c1 VALUES (1, 1); INSERT INTO c2 VALUES (1, 2); INSERT INTO c3 VALUES (1, 3)");
        Assert.Equal("23503", db.Error("DELETE FROM p WHERE id = 3"));
        db.Exec("DELETE FROM p WHERE id < 3");
        Assert.Equal(["0"], db.Rows("SELECT count(*) FROM c1"));
        Assert.Equal(["1|NULL"], db.Rows("SELECT * FROM c2"));
    }

    [Fact]
    public void Transactions_savepoints_and_aborts()
    {
        var db = new TestDatabase();
        db.Exec("CREATE TABLE t(a INTEGER)");
        db.Run("BEGIN; INSERT INTO t VALUES (1); SAVEPOINT s; INSERT INTO t VALUES (2); ROLLBACK TO s; INSERT INTO t VALUES (3); COMMIT");
        Assert.Equal(["1", "3"], db.Rows("SELECT a FROM t ORDER BY a"));
        var outcome = db.Run("BEGIN; INSERT INTO t VALUES (4); SELECT 1/0; INSERT INTO t VALUES (5); COMMIT");
        Assert.Equal("25P02", outcome.Results[3].Error!.SqlState);
        Assert.Equal(["1", "3"], db.Rows("SELECT a FROM t ORDER BY a"));
        outcome = db.Run("BEGIN; INSERT INTO t VALUES (6)");
        Assert.True(outcome.EndedInTransaction);
        Assert.Equal(["2"], db.Rows("SELECT count(*) FROM t"));
    }

    [Fact]
    public void Failing_statement_outside_a_block_keeps_earlier_effects()
    {
        var db = new TestDatabase();
        db.Exec("CREATE TABLE t(a INTEGER PRIMARY KEY)");
        var outcome = db.Run("INSERT INTO t VALUES (1); INSERT INTO t VALUES (1); INSERT INTO t VALUES (2)");
        Assert.True(outcome.Results[1].IsError);
        Assert.Equal(["1", "2"], db.Rows("SELECT a FROM t ORDER BY a"));
    }

    [Fact]
    public void Indexes_are_used_and_give_the_same_rows_as_scans()
    {
        var db = new TestDatabase();
        db.Exec("CREATE TABLE t(a INTEGER, b INTEGER)");
        for (var i = 0; i < 50; i++)
        {
            db.Exec($"INSERT INTO t VALUES ({i % 10}, {i})");
        }

        var before = db.Rows("SELECT b FROM t WHERE a = 3 OR a IN (5, 7) ORDER BY b");
        var range = db.Rows("SELECT b FROM t WHERE a BETWEEN 2 AND 4 ORDER BY b");
        db.Exec("CREATE INDEX t_a ON t(a)");
        var plan = string.Join("\n", db.Rows("EXPLAIN SELECT b FROM t WHERE a = 3"));
        Assert.Contains("Index Scan using t_a", plan, StringComparison.Ordinal);
        Assert.Equal(before, db.Rows("SELECT b FROM t WHERE a = 3 OR a IN (5, 7) ORDER BY b"));
        Assert.Equal(range, db.Rows("SELECT b FROM t WHERE a BETWEEN 2 AND 4 ORDER BY b"));
        Assert.Equal(["3", "13"], db.Rows("SELECT b FROM t WHERE a = $1 AND b < 20 ORDER BY b", SqlValue.FromInt64(3)));
    }

    [Fact]
    public void Views_and_alter_table()
    {
        var db = new TestDatabase();
        db.Exec("CREATE TABLE t(a INTEGER, b TEXT)");
        db.Exec("INSERT INTO t VALUES (1, 'x'), (2, 'y')");
        db.Exec("CREATE VIEW v AS SELECT a FROM t WHERE a > 1");
        Assert.Equal(["2"], db.Rows("SELECT * FROM v"));
        Assert.Equal("42809", db.Error("DELETE FROM v"));
        db.Exec("ALTER TABLE t ADD COLUMN c INTEGER DEFAULT 5");
        db.Exec("ALTER TABLE t RENAME COLUMN b TO bb");
        Assert.Equal(["1|x|5", "2|y|5"], db.Rows("SELECT a, bb, c FROM t ORDER BY a"));
        db.Exec("ALTER TABLE t DROP COLUMN bb");
        Assert.Equal(["1|5", "2|5"], db.Rows("SELECT * FROM t ORDER BY a"));
        db.Exec("DROP VIEW v; DROP TABLE t");
        Assert.Empty(db.Version.TableNames);
    }
}
