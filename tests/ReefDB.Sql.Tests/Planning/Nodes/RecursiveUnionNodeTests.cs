using ReefDB.Sql.Tests.Execution;

namespace ReefDB.Sql.Tests.Planning.Nodes;

/// <summary>
/// WITH RECURSIVE runs a row-wise recursive part (filters and projections over the work table) as one call
/// per row, and any other as a plan per round. Both must give the same rows in the same order, including
/// the random sequence: these tests force the general path with a cross join to a one-row table.
/// </summary>
public sealed class RecursiveUnionNodeTests
{
    [Fact]
    public void Row_wise_and_general_recursion_agree_on_random_shapes()
    {
        const int masterSeed = 20261126;
        var random = new Random(masterSeed);
        for (var round = 0; round < 60; round++)
        {
            var seeds = Enumerable.Range(0, random.Next(1, 4)).Select(_ => random.Next(0, 20)).ToList();
            var (a, b, m, depth) = (random.Next(1, 9), random.Next(0, 9), random.Next(2, 40), random.Next(0, 30));
            var db = new TestDatabase();
            db.Exec($"CREATE TABLE seeds (v INTEGER); INSERT INTO seeds VALUES {string.Join(", ", seeds.Select(s => $"({s})"))}");
            db.Exec("CREATE TABLE one (z INTEGER); INSERT INTO one VALUES (0)");
            var shapes = new[]
            {
                // UNION ALL, bounded by depth, with a random column: the sequence must match row for row.
                ($"SELECT v, 0, 0.5 FROM seeds UNION ALL SELECT (i * {a} + {b}) % {m}, d + 1, random() FROM g{{0}} WHERE d < {depth}", "g(i, d, r)"),
                // UNION over a finite domain: duplicates end the recursion, in the same order on both paths.
                ($"SELECT v FROM seeds UNION SELECT (i * {a} + {b}) % {m} FROM g{{0}} WHERE i % 7 <> {b % 7}", "g(i)"),
            };
            foreach (var (body, head) in shapes)
            {
                var rowWise = db.Rows($"WITH RECURSIVE {head} AS ({string.Format(System.Globalization.CultureInfo.InvariantCulture, body, "")}) SELECT * FROM g");
                var general = db.Rows($"WITH RECURSIVE {head} AS ({string.Format(System.Globalization.CultureInfo.InvariantCulture, body, " CROSS JOIN one")}) SELECT * FROM g");
                Assert.True(rowWise.SequenceEqual(general), $"seed {masterSeed}, round {round}: {body}\nrow-wise: {string.Join(", ", rowWise)}\ngeneral:  {string.Join(", ", general)}");
            }
        }
    }

    [Fact]
    public void Rounds_are_breadth_first_in_anchor_order()
    {
        var db = new TestDatabase();
        Assert.Equal(
            ["10|0", "20|0", "11|1", "21|1", "12|2", "22|2"],
            db.Rows("WITH RECURSIVE g(i, d) AS (SELECT * FROM (VALUES (10, 0), (20, 0)) AS v UNION ALL SELECT i + 1, d + 1 FROM g WHERE d < 2) SELECT * FROM g"));
    }
}
