using System.Globalization;

namespace ReefDB.Sql.Tests.Fuzzing;

/// <summary>Typed expressions: integer, text and boolean, so every generated query is well-typed in PostgreSQL.</summary>
internal sealed partial class QueryGenerator
{
    private static readonly string[] Comparisons = ["=", "<>", "<", "<=", ">", ">="];

    /// <summary>How many aggregates of an enclosing query were written inside subqueries so far.</summary>
    public int OuterAggregatesWritten { get; private set; }

    public string Value(ColumnKind kind, FuzzScope scope, int depth) =>
        kind == ColumnKind.Integer ? Int(scope, depth) : Text(scope, depth);

    public string Int(FuzzScope scope, int depth)
    {
        var columns = scope.OfKind(ColumnKind.Integer);
        if (depth <= 0 || random.Next(3) == 0)
        {
            return Leaf(columns, ColumnKind.Integer);
        }

        var d = depth - 1;
        switch (random.Next(16))
        {
            case 0: return $"({Int(scope, d)} + {Int(scope, d)})";
            case 1: return $"({Int(scope, d)} - {Int(scope, d)})";
            case 2: return $"({Int(scope, d)} * {Int(scope, d)})";
            case 3: return $"({Int(scope, d)} / {Int(scope, d)})";
            case 4: return $"({Int(scope, d)} % {Int(scope, d)})";
            case 5: return $"(- {Int(scope, d)})";
            case 6: return $"abs({Int(scope, d)})";
            case 7: return $"CASE WHEN {Bool(scope, d)} THEN {Int(scope, d)} ELSE {Int(scope, d)} END";
            case 8: return $"CASE {Int(scope, d)} WHEN {Int(scope, d)} THEN {Int(scope, d)} END";
            case 9: return $"COALESCE({Int(scope, d)}, {Int(scope, d)})";
            case 10: return $"NULLIF({Int(scope, d)}, {Int(scope, d)})";
            case 11: return $"length({Text(scope, d)})";
            case 12 when depth >= 2: return ScalarSubquery(ColumnKind.Integer, scope, d);
            case 13:
                NotComparable();
                return $"{(random.Next(2) == 0 ? "GREATEST" : "LEAST")}({Int(scope, d)}, {Int(scope, d)})";
            case 14 when scope.AggregateInput is not null: return Aggregate(ColumnKind.Integer, scope);
            case 15 when scope.Outer?.AggregateInput is not null: return OuterAggregate(ColumnKind.Integer, scope);
            default: return Leaf(columns, ColumnKind.Integer);
        }
    }

    public string Text(FuzzScope scope, int depth)
    {
        var columns = scope.OfKind(ColumnKind.Text);
        if (depth <= 0 || random.Next(3) == 0)
        {
            return Leaf(columns, ColumnKind.Text);
        }

        var d = depth - 1;
        switch (random.Next(10))
        {
            case 0: return $"({Text(scope, d)} || {Text(scope, d)})";
            case 1: return $"lower({Text(scope, d)})";
            case 2: return $"CASE WHEN {Bool(scope, d)} THEN {Text(scope, d)} ELSE {Text(scope, d)} END";
            case 3: return $"COALESCE({Text(scope, d)}, {Text(scope, d)})";
            case 4: return $"NULLIF({Text(scope, d)}, {Text(scope, d)})";
            case 5 when depth >= 2: return ScalarSubquery(ColumnKind.Text, scope, d);
            case 6:
                NotComparable();
                return random.Next(2) == 0 ? $"upper({Text(scope, d)})" : $"substr({Text(scope, d)}, {Number(0, 3)}, {Number(0, 3)})";
            case 7 when scope.AggregateInput is not null: return Aggregate(ColumnKind.Text, scope);
            case 8 when scope.Outer?.AggregateInput is not null: return OuterAggregate(ColumnKind.Text, scope);
            default: return Leaf(columns, ColumnKind.Text);
        }
    }

    public string Bool(FuzzScope scope, int depth)
    {
        var kind = random.Next(3) == 0 ? ColumnKind.Text : ColumnKind.Integer;
        if (depth <= 0)
        {
            var left = scope.Outer?.AggregateInput is not null && random.Next(4) == 0 ? OuterAggregate(kind, scope) : Value(kind, scope, 0);
            return $"({left} {Pick(Comparisons)} {Value(kind, scope, 0)})";
        }

        var d = depth - 1;
        switch (random.Next(17))
        {
            case 0: return $"({Bool(scope, d)} AND {Bool(scope, d)})";
            case 1: return $"({Bool(scope, d)} OR {Bool(scope, d)})";
            case 2: return $"(NOT {Bool(scope, d)})";
            case 3: return $"({Value(kind, scope, d)} IS {Not()}NULL)";
            case 4: return $"({Int(scope, d)} {Not()}BETWEEN {Int(scope, d)} AND {Int(scope, d)})";
            case 5:
                {
                    var items = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Value(kind, scope, 0));
                    return $"({Value(kind, scope, d)} {Not()}IN ({string.Join(", ", items)}))";
                }

            case 6:
                {
                    var patterns = new[] { "a%", "b%", "%a", "_", "a_", "%b%", "ab", "%" };
                    return $"({Text(scope, d)} {Not()}LIKE '{Pick(patterns)}')";
                }

            case 7 when depth >= 2: return $"({Not()}EXISTS ({Subquery(null, scope, d)}))";
            case 8 when depth >= 2: return $"({Value(kind, scope, d)} {Not()}IN ({Subquery([kind], scope, d)}))";
            case 9: return $"({Value(kind, scope, d)} IS {Not()}DISTINCT FROM {Value(kind, scope, d)})";
            case 10: return $"({Bool(scope, d)} IS {Not()}{(random.Next(2) == 0 ? "TRUE" : "FALSE")})";
            case 11:
                NotComparable();
                return $"({Text(scope, d)} {Not()}ILIKE '{Pick(["A%", "%B", "_"])}')";
            case 12: return random.Next(2) == 0 ? "TRUE" : "FALSE";
            default: return $"({Value(kind, scope, d)} {Pick(Comparisons)} {Value(kind, scope, d)})";
        }
    }

    /// <summary>
    /// An aggregate over the grouped query's input rows (never nested in another aggregate). Its argument
    /// reads no outer column (<see cref="OuterAggregate"/> writes those on purpose).
    /// </summary>
    private string Aggregate(ColumnKind kind, FuzzScope scope)
    {
        var input = new FuzzScope(scope.AggregateInput!);
        if (kind == ColumnKind.Text)
        {
            return $"{Pick(["min", "max"])}({Text(input, 1)})";
        }

        return random.Next(7) switch
        {
            0 => "count(*)",
            1 => $"count({Value(random.Next(2) == 0 ? ColumnKind.Text : ColumnKind.Integer, input, 1)})",
            2 => $"count(DISTINCT {Int(input, 1)})",
            3 => $"sum({(random.Next(3) == 0 ? "DISTINCT " : string.Empty)}{Int(input, 1)})",
            4 => $"min({Int(input, 1)})",
            _ => $"max({Int(input, 1)})",
        };
    }

    /// <summary>
    /// Inside a subquery of a grouped query: an aggregate whose argument reads only that query's input rows
    /// (always one of its columns), so it belongs to the enclosing query (SQL standard; PostgreSQL and SQLite
    /// agree) and is one value per outer group here, wherever the subquery uses it.
    /// </summary>
    private string OuterAggregate(ColumnKind kind, FuzzScope scope)
    {
        OuterAggregatesWritten++;
        var input = scope.Outer!.AggregateInput!;
        var columns = input.Where(c => c.Kind == kind).ToArray();
        if (columns.Length == 0)
        {
            return Leaf([], kind);
        }

        var column = columns[random.Next(columns.Length)].Sql;
        if (kind == ColumnKind.Text)
        {
            return $"{Pick(["min", "max"])}({column})";
        }

        var argument = random.Next(2) == 0 ? column : $"({column} + {Int(new FuzzScope(input), 1)})";
        return $"{Pick(["sum", "min", "max", "count"])}({argument})";
    }

    private string Leaf(ScopeColumn[] columns, ColumnKind kind)
    {
        if (columns.Length > 0 && random.Next(4) != 0)
        {
            return columns[random.Next(columns.Length)].Sql;
        }

        var literal = FuzzSchema.Literal(random, kind);
        if (literal == "NULL")
        {
            return kind == ColumnKind.Integer ? "CAST(NULL AS INTEGER)" : "CAST(NULL AS TEXT)";
        }

        return literal.StartsWith('-') ? $"({literal})" : literal;
    }

    private string Not() => random.Next(3) == 0 ? "NOT " : string.Empty;

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private string Number(int min, int max) => random.Next(min, max).ToString(CultureInfo.InvariantCulture);
}
