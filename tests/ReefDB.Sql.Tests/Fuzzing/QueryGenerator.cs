using System.Text;

namespace ReefDB.Sql.Tests.Fuzzing;

/// <summary>A generated query; <see cref="Ordered"/> when ORDER BY fixes the row order completely.</summary>
internal sealed record GeneratedQuery(string Sql, bool Ordered, bool SqliteComparable);

/// <summary>
/// Random, well-typed SELECT statements over a <see cref="FuzzSchema"/>, from a small grammar: joins of every
/// kind, derived tables, WHERE, GROUP BY/HAVING, aggregates, DISTINCT, two-member set operations, ORDER BY
/// with explicit NULLS placement, LIMIT/OFFSET, and scalar, IN and EXISTS subqueries (correlated too).
/// Constructs whose meaning differs in SQLite (GREATEST, ILIKE, INTERSECT ALL, …) are still generated but
/// mark the query as not comparable with SQLite; it is then only checked against ReefDB itself.
/// Hand-written rather than CsCheck generators: the grammar depends on the schema and the scope at every
/// step, and a replay needs nothing but the seed.
/// </summary>
internal sealed partial class QueryGenerator(Random random, FuzzSchema schema)
{
    private int aliases;
    private bool comparable;

    public GeneratedQuery Query()
    {
        comparable = true;
        aliases = 0;
        if (random.Next(8) == 0)
        {
            return TopRows();
        }
        var sql = new StringBuilder();
        var kinds = RandomKinds();
        sql.Append(Select(kinds, null, 2, false, out var distinctOrGrouped, out var topScope));
        var compound = random.Next(7) == 0;
        if (compound)
        {
            var op = Pick(["UNION", "UNION ALL", "INTERSECT", "EXCEPT", "INTERSECT ALL", "EXCEPT ALL"]);
            if (op.EndsWith("ALL", StringComparison.Ordinal) && op != "UNION ALL")
            {
                NotComparable();
            }

            sql.Append(' ').Append(op).Append(' ').Append(Select(kinds, null, 2, false, out _, out _));
        }

        var ordered = false;
        switch (random.Next(4))
        {
            case 0:
            case 1:
                ordered = true;
                sql.Append(" ORDER BY ").Append(string.Join(", ", Enumerable.Range(1, kinds.Count).OrderBy(_ => random.Next()).Select(p => $"{p}{Direction()}")));
                if (random.Next(2) == 0)
                {
                    sql.Append(" LIMIT ").Append(Number(0, 8));
                    if (random.Next(2) == 0)
                    {
                        sql.Append(" OFFSET ").Append(Number(0, 5));
                    }
                }

                break;
            case 2 when !compound && !distinctOrGrouped:
                // A partial order: exercises sorting, compared as a multiset. A bare constant would be read
                // as an output position, so only expressions that read a column qualify.
                var key = Int(topScope, 1);
                if (key.Contains('.', StringComparison.Ordinal))
                {
                    sql.Append(" ORDER BY ").Append(key).Append(Direction());
                }

                break;
        }

        return new GeneratedQuery(sql.ToString(), ordered, comparable);
    }

    private void NotComparable() => comparable = false;

    /// <summary>
    /// ORDER BY … LIMIT over one table with ties on the sort keys, told apart by id: whether the plan reads an
    /// index in order or sorts, the same rows must come first (plan choice never changes results). SQLite
    /// leaves the order of ties unspecified, so this shape is compared between the ReefDB copies only.
    /// </summary>
    private GeneratedQuery TopRows()
    {
        var table = Pick(schema.Tables);
        var alias = $"a{aliases++}";
        var keys = table.DataColumns.OrderBy(_ => random.Next()).Take(random.Next(1, 3)).Select(c => $"{alias}.{c.Name}").ToList();
        var descending = random.Next(2) == 0 ? " DESC" : string.Empty;
        var where = string.Empty;
        if (random.Next(3) == 0)
        {
            var scope = new FuzzScope(table.Columns.Select(c => new ScopeColumn($"{alias}.{c.Name}", c.Kind)).ToList());
            where = $" WHERE {Bool(scope, 1)}";
        }

        var sql = $"SELECT {alias}.id, {string.Join(", ", keys)} FROM {table.Name} AS {alias}{where} ORDER BY {string.Join(", ", keys.Select(k => k + descending))} LIMIT {Number(1, 6)}";
        return new GeneratedQuery(sql, Ordered: true, SqliteComparable: false);
    }

    private List<ColumnKind> RandomKinds() =>
        Enumerable.Range(0, random.Next(1, 4)).Select(_ => random.Next(3) == 0 ? ColumnKind.Text : ColumnKind.Integer).ToList();

    private string Direction() =>
        (random.Next(2) == 0 ? " ASC" : " DESC") + (random.Next(2) == 0 ? " NULLS FIRST" : " NULLS LAST");

    /// <summary>One SELECT (no ORDER BY) returning columns of <paramref name="kinds"/> (any, when null).</summary>
    private string Select(IReadOnlyList<ColumnKind>? kinds, FuzzScope? outer, int depth, bool nameOutputs, out bool distinctOrGrouped, out FuzzScope scope)
    {
        var from = From(outer, depth, out var columns);
        scope = new FuzzScope(columns, outer);
        var sql = new StringBuilder("SELECT ");
        var distinct = random.Next(6) == 0;
        if (distinct)
        {
            sql.Append("DISTINCT ");
        }

        var grouping = random.Next(10);
        var outputKinds = kinds ?? (IReadOnlyList<ColumnKind>)RandomKinds();
        string? groupBy = null;
        string? having = null;
        var where = random.Next(5) < 3 ? Bool(scope, random.Next(1, 4)) : null;
        if (grouping < 3 && columns.Count > 0)
        {
            // GROUP BY one or two columns; the select list reads the keys and aggregates of the input.
            var keys = columns.OrderBy(_ => random.Next()).Take(random.Next(1, 3)).ToList();
            // Depth 2 lets subqueries in, and with them aggregates of this query written inside them.
            var grouped = new FuzzScope(keys, outer, columns);
            var groupedDepth = depth >= 1 ? random.Next(1, 3) : 1;
            sql.Append(Outputs(outputKinds.Select(k => random.Next(5) switch
            {
                0 when depth >= 1 => ScalarSubquery(k, grouped, 1),
                1 or 2 => Aggregate(k, grouped),
                _ => Value(k, grouped, groupedDepth),
            }), nameOutputs));
            groupBy = string.Join(", ", keys.Select(k => k.Sql));
            having = random.Next(3) switch
            {
                0 => Bool(grouped, groupedDepth),
                1 => $"({Aggregate(ColumnKind.Integer, grouped)} {Pick(Comparisons)} {Int(grouped, 1)})",
                _ => null,
            };
            distinctOrGrouped = true;
        }
        else if (grouping == 3)
        {
            // Aggregates without GROUP BY: one row, even over no input (the first output is an aggregate; the
            // others may be subqueries, which can hold aggregates of this query).
            var grouped = new FuzzScope([], outer, columns);
            sql.Append(Outputs(outputKinds.Select((k, i) => i > 0 && depth >= 1 && random.Next(3) == 0 ? Value(k, grouped, 2) : Aggregate(k, grouped)), nameOutputs));
            distinctOrGrouped = true;
        }
        else
        {
            var rowScope = scope;
            sql.Append(Outputs(outputKinds.Select(k => Value(k, rowScope, 2)), nameOutputs));
            distinctOrGrouped = distinct;
        }

        sql.Append(from);
        if (where is not null)
        {
            sql.Append(" WHERE ").Append(where);
        }

        if (groupBy is not null)
        {
            sql.Append(" GROUP BY ").Append(groupBy);
        }

        if (having is not null)
        {
            sql.Append(" HAVING ").Append(having);
        }

        return sql.ToString();
    }

    private static string Outputs(IEnumerable<string> expressions, bool named) =>
        string.Join(", ", expressions.Select((e, i) => named ? $"{e} AS c{i}" : e));

    /// <summary>A subquery for EXISTS (any columns) or IN (one column of <paramref name="kinds"/>).</summary>
    private string Subquery(IReadOnlyList<ColumnKind>? kinds, FuzzScope outer, int depth) =>
        Select(kinds, outer, depth, false, out _, out _);

    /// <summary>An aggregate over a filtered table: exactly one row, so always a valid scalar subquery.</summary>
    private string ScalarSubquery(ColumnKind kind, FuzzScope outer, int depth)
    {
        var alias = $"a{aliases++}";
        var table = PickReadTable();
        var columns = table.Columns.Select(c => new ScopeColumn($"{alias}.{c.Name}", c.Kind)).ToList();
        var scope = new FuzzScope(columns, outer);
        var where = random.Next(3) switch
        {
            // In a grouped query, a third of these filter on an aggregate of that query.
            0 when outer.AggregateInput is not null => $" WHERE ({OuterAggregate(ColumnKind.Integer, scope)} {Pick(Comparisons)} {Int(scope, 0)})",
            0 or 1 => $" WHERE {Bool(scope, depth)}",
            _ => string.Empty,
        };
        return $"(SELECT {Aggregate(kind, new FuzzScope([], outer, columns))} FROM {table.Name} AS {alias}{where})";
    }

    /// <summary>A FROM clause (with its leading space) of one to three items, and the columns it exposes.</summary>
    private string From(FuzzScope? outer, int depth, out List<ScopeColumn> columns)
    {
        columns = [];
        var sql = new StringBuilder(" FROM ");
        // Sizes stay bounded (at most 12 rows a table): three items at the top, two in subqueries, and at
        // most one derived table per FROM, itself without derived tables.
        var items = random.Next(4) == 0 ? 1 : random.Next(1, outer is null && depth >= 2 ? 4 : 3);
        var derivedAllowed = depth > 0;
        for (var i = 0; i < items; i++)
        {
            var item = FromItem(derivedAllowed, out var itemColumns, out var derived);
            derivedAllowed &= !derived;
            if (i == 0)
            {
                sql.Append(item);
                columns.AddRange(itemColumns);
                continue;
            }

            var join = random.Next(items == 2 ? 7 : 6);
            var kind = join switch
            {
                0 => "CROSS JOIN",
                1 or 2 => "JOIN",
                3 => "LEFT JOIN",
                4 => "RIGHT JOIN",
                5 => "FULL JOIN",
                _ => ",",
            };
            sql.Append(kind == "," ? ", " : $" {kind} ").Append(item);
            var visible = columns.Concat(itemColumns).ToList();
            if (kind is not ("CROSS JOIN" or ","))
            {
                sql.Append(" ON ").Append(JoinCondition(columns, itemColumns, new FuzzScope(visible, outer), depth));
            }

            columns.AddRange(itemColumns);
        }

        return sql.ToString();
    }

    private string JoinCondition(List<ScopeColumn> left, List<ScopeColumn> right, FuzzScope scope, int depth)
    {
        var pairs = (from l in left from r in right where l.Kind == r.Kind select (l, r)).ToList();
        if (pairs.Count > 0 && random.Next(4) != 0)
        {
            var (l, r) = Pick(pairs);
            var equality = $"{l.Sql} = {r.Sql}";
            return random.Next(3) == 0 ? $"({equality} AND {Bool(scope, 1)})" : equality;
        }

        return Bool(scope, Math.Min(depth, 2));
    }

    private string FromItem(bool derivedAllowed, out List<ScopeColumn> columns, out bool derived)
    {
        var alias = $"a{aliases++}";
        derived = derivedAllowed && random.Next(6) == 0;
        if (derived)
        {
            var kinds = RandomKinds();
            var inner = Select(kinds, null, 0, true, out _, out _);
            columns = kinds.Select((k, i) => new ScopeColumn($"{alias}.c{i}", k)).ToList();
            return $"({inner}) AS {alias}";
        }

        var table = PickReadTable();
        columns = table.Columns.Select(c => new ScopeColumn($"{alias}.{c.Name}", c.Kind)).ToList();
        return $"{table.Name} AS {alias}";
    }
}
