using System.Globalization;
using System.Text;

namespace ReefDB.Sql.Tests.Fuzzing;

internal enum ColumnKind
{
    Integer,
    Text,
}

internal sealed record FuzzColumn(string Name, ColumnKind Kind);

/// <summary>A table of the random schema: <c>id INTEGER PRIMARY KEY</c> first, then a few nullable columns.</summary>
internal sealed record FuzzTable(string Name, IReadOnlyList<FuzzColumn> Columns)
{
    public IEnumerable<FuzzColumn> DataColumns => Columns.Skip(1);
}

/// <summary>
/// A random schema with random data, small on purpose: values come from narrow ranges so that joins,
/// equalities, duplicates and NULLs are frequent, and three-table joins stay a few thousand rows.
/// The same statements create it in ReefDB and in SQLite; indexes are separate so that a copy with and a
/// copy without them can be compared (plan choice must never change results).
/// </summary>
internal sealed class FuzzSchema
{
    /// <summary>Text values: lower-case ASCII only, so SQLite's case-insensitive LIKE and binary collation agree with PostgreSQL's.</summary>
    internal static readonly string[] Texts = ["", "a", "ab", "abc", "b", "ba", "bb", "c", "ca"];

    private FuzzSchema(IReadOnlyList<FuzzTable> tables, IReadOnlyList<string> create, IReadOnlyList<string> indexes)
    {
        Tables = tables;
        CreateStatements = create;
        IndexStatements = indexes;
    }

    public IReadOnlyList<FuzzTable> Tables { get; }

    /// <summary>CREATE TABLE and INSERT statements, valid in both dialects.</summary>
    public IReadOnlyList<string> CreateStatements { get; }

    /// <summary>CREATE INDEX statements for the indexed copy (ReefDB dialect).</summary>
    public IReadOnlyList<string> IndexStatements { get; }

    public static FuzzSchema Generate(Random random)
    {
        var tables = new List<FuzzTable>();
        var create = new List<string>();
        var indexes = new List<string>();
        var tableCount = random.Next(1, 4);
        for (var t = 0; t < tableCount; t++)
        {
            var columns = new List<FuzzColumn> { new("id", ColumnKind.Integer) };
            var dataColumns = random.Next(1, 5);
            for (var c = 0; c < dataColumns; c++)
            {
                columns.Add(new FuzzColumn($"c{c}", random.Next(3) == 0 ? ColumnKind.Text : ColumnKind.Integer));
            }

            var table = new FuzzTable($"t{t}", columns);
            tables.Add(table);
            create.Add($"CREATE TABLE {table.Name} ({string.Join(", ", columns.Select(c => c.Name + " " + (c.Name == "id" ? "INTEGER PRIMARY KEY" : c.Kind == ColumnKind.Text ? "TEXT" : "INTEGER")))})");
            var rows = random.Next(0, 13);
            if (rows > 0)
            {
                var values = Enumerable.Range(0, rows).Select(r => "(" + string.Join(", ", columns.Select(c => c.Name == "id" ? (r + 1).ToString(CultureInfo.InvariantCulture) : Literal(random, c.Kind))) + ")");
                create.Add($"INSERT INTO {table.Name} VALUES {string.Join(", ", values)}");
            }

            var indexCount = random.Next(0, 4);
            for (var i = 0; i < indexCount; i++)
            {
                var parts = table.DataColumns.OrderBy(_ => random.Next()).Take(random.Next(1, 3))
                    .Select(c => c.Name + (random.Next(4) == 0 ? " DESC" : string.Empty));
                indexes.Add($"CREATE INDEX IF NOT EXISTS {table.Name}_i{i} ON {table.Name} ({string.Join(", ", parts)})");
            }
        }

        return new FuzzSchema(tables, create, indexes);
    }

    /// <summary>A random value of <paramref name="kind"/> as a literal, NULL one time in five.</summary>
    public static string Literal(Random random, ColumnKind kind)
    {
        if (random.Next(5) == 0)
        {
            return "NULL";
        }

        return kind == ColumnKind.Integer
            ? random.Next(-3, 9).ToString(CultureInfo.InvariantCulture)
            : Quote(Texts[random.Next(Texts.Length)]);
    }

    public static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    public string Describe()
    {
        var text = new StringBuilder();
        foreach (var s in CreateStatements)
        {
            text.Append(s).AppendLine(";");
        }

        foreach (var s in IndexStatements)
        {
            text.Append(s).AppendLine(";");
        }

        return text.ToString();
    }
}
