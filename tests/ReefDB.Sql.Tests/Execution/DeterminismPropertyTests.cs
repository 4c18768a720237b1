using CsCheck;

namespace ReefDB.Sql.Tests.Execution;

/// <summary>
/// DESIGN.md §2: the same statements on the same state give the same state and outcomes. Two independent
/// engines apply random statement sequences (one through prepared, cached plans, the other preparing
/// every time) and must agree on every outcome and on table contents in scan order.
/// </summary>
public sealed class DeterminismPropertyTests
{
    private static readonly string[] Setup =
    [
        "CREATE TABLE t(id INTEGER PRIMARY KEY, a INTEGER, b TEXT)",
        "CREATE TABLE u(x INTEGER, y INTEGER)",
        "CREATE INDEX u_x ON u(x)",
    ];

    private static Gen<string> Statement =>
        Gen.OneOf(
            Gen.Select(Gen.Int[0, 30], Gen.Int[0, 9], Gen.Int[0, 5], (id, a, b) => $"INSERT INTO t VALUES ({id}, {a}, 's{b}')"),
            Gen.Select(Gen.Int[0, 9], Gen.Int[0, 9], (x, y) => $"INSERT INTO u VALUES ({x}, {y})"),
            Gen.Select(Gen.Int[0, 9], Gen.Int[0, 9], (a, d) => $"UPDATE t SET a = a + {d} WHERE a < {a}"),
            Gen.Select(Gen.Int[0, 9], x => $"DELETE FROM u WHERE x = {x}"),
            Gen.Select(Gen.Int[0, 9], a => $"INSERT INTO u SELECT a, id FROM t WHERE a > {a}"),
            Gen.Select(Gen.Int[0, 30], id => $"DELETE FROM t WHERE id = {id} RETURNING a"),
            Gen.Const("SELECT t.id, u.y FROM t JOIN u ON t.a = u.x"),
            Gen.Const("CREATE INDEX IF NOT EXISTS t_a ON t(a)"),
            Gen.Const("BEGIN"),
            Gen.Const("COMMIT"),
            Gen.Const("ROLLBACK"));

    [Fact]
    public void Two_engines_agree_on_outcomes_and_contents()
    {
        Gen.Select(Statement.List[1, 40], Gen.Int[1, 4]).Sample(
            input =>
            {
                var (statements, batchSize) = input;
                var a = new Replica(prepareOnce: true);
                var b = new Replica(prepareOnce: false);
                foreach (var s in Setup)
                {
                    a.Apply(s);
                    b.Apply(s);
                }

                for (var i = 0; i < statements.Count; i += batchSize)
                {
                    var batch = string.Join(";", statements.Skip(i).Take(batchSize));
                    Assert.Equal(a.Apply(batch), b.Apply(batch));
                }

                Assert.Equal(a.Contents(), b.Contents());
                Assert.Equal(a.Version.Number, b.Version.Number);
            },
            seed: "0N0XIzNsQ0O2",
            iter: 150);
    }

    private sealed class Replica(bool prepareOnce)
    {
        private readonly SqlEngine engine = new();
        private readonly Dictionary<string, PreparedBatch> prepared = [];

        public DatabaseVersion Version { get; private set; } = DatabaseVersion.Empty;

        public string Apply(string sql)
        {
            PreparedBatch batch;
            if (!prepareOnce || !prepared.TryGetValue(sql, out batch!))
            {
                batch = engine.Prepare(sql);
                prepared[sql] = batch;
            }

            var outcome = engine.Execute(Version, batch, [], new ExecutionEnvironment(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), 42));
            Version = outcome.Version;
            return string.Join("\n", outcome.Results.Select(Describe));
        }

        public string Contents() => string.Join("\n", Version.TableNames.Select(t => t + ":" + Apply($"SELECT * FROM {t}")));

        private static string Describe(StatementResult r) => r.IsError
            ? r.Error!.SqlState
            : r.CommandTag + ":" + string.Join(";", r.Rows.Select(row => string.Join(",", row.Select(v => v.IsNull ? "NULL" : v.FormatText()))));
    }
}
