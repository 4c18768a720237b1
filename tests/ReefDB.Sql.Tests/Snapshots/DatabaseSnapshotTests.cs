using ReefDB.Sql.Errors;
using ReefDB.Sql.Snapshots;

namespace ReefDB.Sql.Tests.Snapshots;

public sealed class DatabaseSnapshotTests
{
    private static readonly SqlEngine Engine = new();

    private const string Schema = """
        CREATE TABLE customers (
            id BIGINT PRIMARY KEY,
            name VARCHAR(20) NOT NULL,
            tier CHAR(3) DEFAULT 'std',
            balance NUMERIC(10, 2) DEFAULT 0 CHECK (balance >= 0),
            joined DATE,
            seen TIMESTAMP,
            score DOUBLE PRECISION,
            flag BOOLEAN,
            blob BYTEA);
        CREATE TABLE orders (
            customer_id BIGINT REFERENCES customers (id) ON DELETE CASCADE,
            line INT,
            amount REAL,
            PRIMARY KEY (customer_id, line));
        CREATE TABLE notes (body TEXT);
        CREATE UNIQUE INDEX customers_name ON customers (name);
        CREATE INDEX customers_lower ON customers (lower(name) DESC, score);
        CREATE VIEW rich AS SELECT id, name FROM customers WHERE balance > 100;
        INSERT INTO customers VALUES
            (1, 'Ada', 'gld', 250.50, '1815-12-10', '2026-01-02 03:04:05.5', 1.5, true, NULL),
            (2, 'Grace', DEFAULT, 0, NULL, NULL, -0.25, false, NULL),
            (3, 'Edsger', 'std', 101, '1930-05-11', NULL, NULL, NULL, NULL);
        INSERT INTO orders VALUES (1, 1, 9.5), (1, 2, 10), (3, 1, 0.125);
        INSERT INTO notes VALUES ('no primary key'), ('a second row'), (NULL);
        """;

    private static DatabaseVersion Build(string sql)
    {
        var outcome = Engine.Execute(DatabaseVersion.Empty, sql);
        Assert.All(outcome.Results, r => Assert.Null(r.Error));
        return outcome.Version;
    }

    private static byte[] Snapshot(DatabaseVersion version)
    {
        using var stream = new MemoryStream();
        DatabaseSnapshot.Write(version, stream);
        return stream.ToArray();
    }

    private static DatabaseVersion Restore(byte[] bytes) => DatabaseSnapshot.Read(new MemoryStream(bytes));

    private static string Query(DatabaseVersion version, string sql)
    {
        var result = Engine.Execute(version, sql).Results[^1];
        return result.Error is { } e
            ? $"ERROR {e.SqlState}"
            : string.Join('\n', result.Rows.Select(r => string.Join('|', r.Select(v => v.ToString()))));
    }

    private static readonly string[] Probes =
    [
        "SELECT * FROM customers ORDER BY id",
        "SELECT * FROM orders ORDER BY customer_id, line",
        "SELECT * FROM notes ORDER BY body",
        "SELECT * FROM rich ORDER BY id",
        "SELECT name FROM customers WHERE lower(name) = 'grace'",
        "EXPLAIN SELECT name FROM customers WHERE name = 'Ada'",
    ];

    [Fact]
    public void A_restored_version_answers_every_query_as_the_original()
    {
        var original = Build(Schema);

        var restored = Restore(Snapshot(original));

        Assert.Equal(original.Number, restored.Number);
        Assert.Equal(original.TableNames, restored.TableNames);
        foreach (var probe in Probes)
        {
            Assert.Equal(Query(original, probe), Query(restored, probe));
        }
    }

    [Fact]
    public void Constraints_defaults_and_row_ids_keep_working_after_a_restore()
    {
        var restored = Restore(Snapshot(Build(Schema)));

        Assert.Equal($"ERROR {SqlStates.CheckViolation}", Query(restored, "INSERT INTO customers (id, name, balance) VALUES (9, 'x', -1)"));
        Assert.Equal($"ERROR {SqlStates.UniqueViolation}", Query(restored, "INSERT INTO customers (id, name) VALUES (9, 'Ada')"));
        Assert.Equal($"ERROR {SqlStates.ForeignKeyViolation}", Query(restored, "INSERT INTO orders VALUES (42, 1, 1)"));
        Assert.Equal("std|0.00", Query(restored, "INSERT INTO customers (id, name) VALUES (9, 'New'); SELECT tier, balance FROM customers WHERE id = 9"));
        Assert.Equal("0", Query(restored, "DELETE FROM customers WHERE id = 1; SELECT count(*) FROM orders WHERE customer_id = 1"));
        Assert.Equal("4", Query(restored, "INSERT INTO notes VALUES ('after'); SELECT count(*) FROM notes"));
    }

    [Fact]
    public void An_empty_database_round_trips()
    {
        var restored = Restore(Snapshot(DatabaseVersion.Empty));

        Assert.Empty(restored.TableNames);
    }

    [Fact]
    public void Every_corrupted_byte_is_detected()
    {
        var bytes = Snapshot(Build(Schema));

        for (var i = 0; i < bytes.Length; i++)
        {
            var corrupt = (byte[])bytes.Clone();
            corrupt[i] ^= 0x20;

            var error = Assert.Throws<SqlException>(() => Restore(corrupt));
            Assert.Equal(SqlStates.DataCorrupted, error.SqlState);
        }
    }

    [Fact]
    public void Every_truncation_is_detected()
    {
        var bytes = Snapshot(Build(Schema));

        for (var length = 0; length < bytes.Length; length++)
        {
            var error = Assert.Throws<SqlException>(() => Restore(bytes[..length]));
            Assert.Equal(SqlStates.DataCorrupted, error.SqlState);
        }
    }

    [Fact]
    public async Task A_million_rows_with_indexes_round_trip_while_writes_continue()
    {
        const int Rows = 1_000_000;
        var version = Build($"""
            CREATE TABLE big (k BIGINT PRIMARY KEY, v TEXT, n INT);
            INSERT INTO big (k, v, n) WITH RECURSIVE g(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM g WHERE x < {Rows})
                SELECT x, 'row number ' || x, x % 1000 FROM g;
            CREATE INDEX big_n ON big (n);
            """);
        var expectedSum = Query(version, "SELECT count(*), sum(n), min(v), max(v) FROM big");

        using var stream = new MemoryStream();
        var writer = Task.Run(() => DatabaseSnapshot.Write(version, stream), TestContext.Current.CancellationToken);
        var later = version;
        for (var i = 0; i < 50 && !writer.IsCompleted; i++)
        {
            later = Engine.Execute(later, $"UPDATE big SET n = n + 1 WHERE k = {i + 1}; DELETE FROM big WHERE k = {Rows - i}").Version;
        }

        await writer;
        stream.Position = 0;
        var restored = DatabaseSnapshot.Read(stream);

        Assert.Equal(expectedSum, Query(restored, "SELECT count(*), sum(n), min(v), max(v) FROM big"));
        Assert.Equal("1000", Query(restored, "SELECT count(*) FROM big WHERE n = 7"));
        Assert.Equal(Query(version, "SELECT k FROM big WHERE n = 999 ORDER BY k LIMIT 3"), Query(restored, "SELECT k FROM big WHERE n = 999 ORDER BY k LIMIT 3"));
    }
}
