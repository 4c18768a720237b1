using System.Globalization;

namespace ReefDB.Sql.Tests.Fuzzing;

/// <summary>INSERT (VALUES, SELECT, ON CONFLICT), UPDATE and DELETE, with RETURNING, plus the TLP query shape.</summary>
internal sealed partial class QueryGenerator
{
    private const int InsertSelectBlock = 1_000_000;
    private int nextLiteralId = 100;
    private int insertSelectRounds;

    /// <summary>A table that an UPDATE or DELETE is changing: subqueries reading it make the statement
    /// incomparable, because SQLite's subqueries may see rows the statement already changed.</summary>
    private string? writing;

    /// <summary>A base query without WHERE and a predicate for ternary logic partitioning.</summary>
    public (string Select, string Predicate) PartitionedQuery()
    {
        comparable = true;
        aliases = 0;
        var from = From(null, 1, out var columns);
        var scope = new FuzzScope(columns);
        var outputs = columns.Count > 0 ? string.Join(", ", columns.Select(c => c.Sql)) : "1";
        return ($"SELECT {outputs}{from}", Bool(scope, random.Next(1, 4)));
    }

    /// <summary>A write statement that SQLite and ReefDB mean the same by (so their contents stay comparable).</summary>
    public string Write()
    {
        while (true)
        {
            comparable = true;
            aliases = 0;
            writing = null;
            var sql = AnyWrite();
            writing = null;
            if (comparable)
            {
                return sql;
            }
        }
    }

    private string AnyWrite()
    {
        var table = Pick(schema.Tables);
        var alias = $"a{aliases++}";
        var scope = new FuzzScope(table.Columns.Select(c => new ScopeColumn($"{alias}.{c.Name}", c.Kind)).ToList());
        var data = table.DataColumns.ToList();
        switch (random.Next(6))
        {
            case 0:
            case 1:
                {
                    var rows = Enumerable.Range(0, random.Next(1, 4)).Select(_ =>
                    {
                        var id = random.Next(4) == 0 ? random.Next(1, 16) : nextLiteralId++;
                        return "(" + string.Join(", ", data.Select(c => FuzzSchema.Literal(random, c.Kind)).Prepend(id.ToString(CultureInfo.InvariantCulture))) + ")";
                    });
                    var column = Pick(data);
                    var conflict = random.Next(3) switch
                    {
                        0 => " ON CONFLICT (id) DO NOTHING",
                        1 => $" ON CONFLICT (id) DO UPDATE SET {column.Name} = excluded.{column.Name}",
                        _ => string.Empty,
                    };
                    return $"INSERT INTO {table.Name} ({ColumnList(table)}) VALUES {string.Join(", ", rows)}{conflict}{Returning()}";
                }

            case 2:
                {
                    var source = Pick(schema.Tables);
                    var s = $"a{aliases++}";
                    var sourceScope = new FuzzScope(source.Columns.Select(c => new ScopeColumn($"{s}.{c.Name}", c.Kind)).ToList());
                    var block = (++insertSelectRounds * InsertSelectBlock).ToString(CultureInfo.InvariantCulture);
                    var values = data.Select(c => Value(c.Kind, sourceScope, 1)).Prepend($"{block} + {s}.id");
                    var filter = random.Next(2) == 0 ? $" AND {Bool(sourceScope, 2)}" : string.Empty;
                    return $"INSERT INTO {table.Name} ({ColumnList(table)}) SELECT {string.Join(", ", values)} FROM {source.Name} AS {s} WHERE {s}.id <= 6{filter}{Returning()}";
                }

            case 3:
            case 4:
                {
                    writing = table.Name;
                    var sets = data.OrderBy(_ => random.Next()).Take(random.Next(1, data.Count + 1)).Select(c => $"{c.Name} = {Value(c.Kind, scope, 2)}");
                    return $"UPDATE {table.Name} AS {alias} SET {string.Join(", ", sets)}{Where(scope)}{Returning()}";
                }

            default:
                writing = table.Name;
                return $"DELETE FROM {table.Name} AS {alias}{Where(scope)}{Returning()}";
        }
    }

    private string Where(FuzzScope scope) => random.Next(5) > 0 ? $" WHERE {Bool(scope, random.Next(1, 4))}" : string.Empty;

    private string Returning() => random.Next(3) == 0 ? " RETURNING id" : string.Empty;

    private static string ColumnList(FuzzTable table) => string.Join(", ", table.Columns.Select(c => c.Name));

    private FuzzTable PickReadTable()
    {
        var table = Pick(schema.Tables);
        if (table.Name == writing)
        {
            NotComparable();
        }

        return table;
    }
}
