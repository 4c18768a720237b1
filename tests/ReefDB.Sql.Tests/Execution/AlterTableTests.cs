using ReefDB.Sql.Errors;

namespace ReefDB.Sql.Tests.Execution;

/// <summary>ALTER TABLE … ADD COLUMN with key constraints, with PostgreSQL's outcomes.</summary>
public sealed class AlterTableTests
{
    [Fact]
    public void Add_column_unique_builds_a_unique_index_over_existing_rows()
    {
        var db = new TestDatabase();
        db.Exec("CREATE TABLE t(a INTEGER); INSERT INTO t VALUES (1), (2)");
        db.Exec("ALTER TABLE t ADD COLUMN code TEXT UNIQUE");
        db.Exec("UPDATE t SET code = 'x' WHERE a = 1");
        Assert.Equal(SqlStates.UniqueViolation, db.Error("UPDATE t SET code = 'x' WHERE a = 2"));
        Assert.Equal(SqlStates.UniqueViolation, db.Error("INSERT INTO t VALUES (3, 'x')"));
        Assert.Equal(SqlStates.UniqueViolation, db.Error("ALTER TABLE t ADD COLUMN k INTEGER DEFAULT 7 UNIQUE"));
        Assert.Equal(["1|x", "2|NULL"], db.Rows("SELECT * FROM t ORDER BY a"));
    }

    [Fact]
    public void Add_column_primary_key_rekeys_the_table_or_refuses_nulls_and_a_second_key()
    {
        var db = new TestDatabase();
        db.Exec("CREATE TABLE t(a INTEGER); CREATE INDEX t_a ON t (a)");
        db.Exec("ALTER TABLE t ADD COLUMN id INTEGER PRIMARY KEY");
        db.Exec("INSERT INTO t VALUES (10, 1), (20, 2)");
        Assert.Equal(SqlStates.UniqueViolation, db.Error("INSERT INTO t VALUES (30, 1)"));
        Assert.Equal(["20|2"], db.Rows("SELECT * FROM t WHERE a = 20"));
        Assert.Equal(SqlStates.InvalidTableDefinition, db.Error("ALTER TABLE t ADD COLUMN other INTEGER PRIMARY KEY"));

        var filled = new TestDatabase();
        filled.Exec("CREATE TABLE u(a INTEGER); INSERT INTO u VALUES (1)");
        Assert.Equal(SqlStates.NotNullViolation, filled.Error("ALTER TABLE u ADD COLUMN id INTEGER PRIMARY KEY"));
        filled.Exec("ALTER TABLE u ADD COLUMN id INTEGER PRIMARY KEY DEFAULT 5");
        Assert.Equal(["1|5"], filled.Rows("SELECT * FROM u WHERE id = 5"));
    }

    [Fact]
    public void Add_column_references_checks_existing_values_and_later_writes()
    {
        var db = new TestDatabase();
        db.Exec("CREATE TABLE p(id INTEGER PRIMARY KEY); INSERT INTO p VALUES (1)");
        db.Exec("CREATE TABLE c(a INTEGER); INSERT INTO c VALUES (1)");
        Assert.Equal(SqlStates.ForeignKeyViolation, db.Error("ALTER TABLE c ADD COLUMN p_id INTEGER DEFAULT 9 REFERENCES p"));
        db.Exec("ALTER TABLE c ADD COLUMN p_id INTEGER DEFAULT 1 REFERENCES p (id)");
        Assert.Equal(SqlStates.ForeignKeyViolation, db.Error("INSERT INTO c VALUES (2, 3)"));
        Assert.Equal(SqlStates.ForeignKeyViolation, db.Error("DELETE FROM p"));
        Assert.Equal(["1|1"], db.Rows("SELECT * FROM c"));
    }

    [Fact]
    public void Rename_column_carries_checks_index_expressions_and_views_along()
    {
        var db = new TestDatabase();
        db.Exec("CREATE TABLE t(id INTEGER PRIMARY KEY, price NUMERIC CHECK (price >= 0), name TEXT)");
        db.Exec("CREATE INDEX t_lower ON t ((lower(name)))");
        db.Exec("CREATE VIEW cheap AS SELECT t.id, price FROM t WHERE price < 10 AND name <> 'price'");
        db.Exec("CREATE TABLE o(id INTEGER, price NUMERIC)");
        db.Exec("CREATE VIEW joined AS SELECT x.price AS tp FROM t AS x JOIN o ON o.id = x.id");
        db.Exec("INSERT INTO t VALUES (1, 5, 'Ann'), (2, 50, 'Bob'); INSERT INTO o VALUES (1, 7)");

        db.Exec("ALTER TABLE t RENAME COLUMN price TO cost; ALTER TABLE t RENAME COLUMN name TO label");

        Assert.Equal("23514", db.Error("INSERT INTO t VALUES (3, -1, 'Cy')"));
        Assert.Equal(["1|5"], db.Rows("SELECT * FROM cheap"));
        Assert.Equal(["5"], db.Rows("SELECT tp FROM joined"));
        Assert.Equal(["2"], db.Rows("SELECT id FROM t WHERE lower(label) = 'bob'"));
        db.Exec("INSERT INTO t VALUES (3, 1, 'Cy')");
        Assert.Equal(["3"], db.Rows("SELECT id FROM t WHERE lower(label) = 'cy'"));
    }

    [Fact]
    public void Rename_column_follows_unqualified_references_in_views_over_several_tables()
    {
        // Issue 2: PostgreSQL stores views bound, so a rename is transparent to them.
        var db = new TestDatabase();
        db.Exec("CREATE TABLE t(id INTEGER PRIMARY KEY, price NUMERIC, name TEXT)");
        db.Exec("CREATE TABLE o(oid INTEGER, qty INTEGER, price NUMERIC)");
        db.Exec("INSERT INTO t VALUES (1, 5, 'Ann'), (2, 50, 'Bob'); INSERT INTO o VALUES (1, 2, 100), (2, 3, 0)");
        db.Exec("CREATE VIEW totals AS SELECT name, t.price * qty AS total FROM t JOIN o ON oid = id ORDER BY name");
        db.Exec("CREATE VIEW dear AS SELECT oid FROM o WHERE EXISTS (SELECT 1 FROM t WHERE id = oid AND price > 10)");
        db.Exec("CREATE VIEW own AS SELECT oid, o.price FROM o JOIN t ON id = oid WHERE o.price > 10");

        db.Exec("ALTER TABLE t RENAME COLUMN price TO cost; ALTER TABLE t RENAME COLUMN name TO label; ALTER TABLE t RENAME COLUMN id TO tid");

        Assert.Equal(["Ann|10", "Bob|150"], db.Rows("SELECT * FROM totals"));
        Assert.Equal(["2"], db.Rows("SELECT * FROM dear"));
        Assert.Equal(["1|100"], db.Rows("SELECT * FROM own"));
    }
}
