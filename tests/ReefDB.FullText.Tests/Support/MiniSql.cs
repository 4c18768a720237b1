using System.Globalization;

namespace ReefDB.FullText.Tests.Support;

/// <summary>
/// A tiny SQL interpreter for the text-search conformance files, until the real engine runs them:
/// CREATE TABLE, INSERT … VALUES, and SELECT of expressions over at most one table. Text-search values
/// come from the library under test; everything else is just enough plumbing.
/// </summary>
public sealed partial class MiniSql
{
    private readonly Dictionary<string, Table> tables = new(StringComparer.Ordinal);

    /// <summary>Configuration used when a function omits it (default_text_search_config).</summary>
    public TextSearchConfig DefaultConfig { get; set; } = TextSearchConfig.English;

    private sealed record Table(List<(string Name, string Type)> Columns, List<object?[]> Rows);

    /// <summary>Runs a statement; returns the result rows rendered as PostgreSQL text (empty for DDL/DML).</summary>
    public List<List<string>> Execute(string sql)
    {
        var trimmed = sql.Trim().TrimEnd(';');
        var p = new SqlParser(trimmed);
        if (p.TryKeyword("create"))
        {
            p.ExpectKeyword("table");
            var name = p.Identifier();
            var cols = ParseColumnDefs(trimmed);
            tables[name] = new Table(cols, []);
            return [];
        }

        if (p.TryKeyword("insert"))
        {
            p.ExpectKeyword("into");
            var table = tables[p.Identifier()];
            List<string>? names = null;
            if (!p.TryKeyword("values"))
            {
                names = p.ParenIdentifiers();
                p.ExpectKeyword("values");
            }

            do
            {
                var values = p.ParenExprs();
                var row = new object?[table.Columns.Count];
                for (var i = 0; i < values.Count; i++)
                {
                    var col = names is null ? i : table.Columns.FindIndex(c => c.Name == names[i]);
                    row[col] = Coerce(Eval(values[i], null), table.Columns[col].Type);
                }

                table.Rows.Add(row);
            }
            while (p.TrySymbol(","));
            return [];
        }

        var select = p.ParseSelect();
        return Select(select);
    }

    private static List<(string, string)> ParseColumnDefs(string sql)
    {
        var open = sql.IndexOf('(', StringComparison.Ordinal);
        var close = sql.LastIndexOf(')');
        return [.. sql[(open + 1)..close].Split(',').Select(d =>
        {
            var parts = d.Trim().Split((char[])[' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);
            return (parts[0].ToLowerInvariant(), parts[1].ToLowerInvariant());
        })];
    }

    private List<List<string>> Select(SelectStatement select)
    {
        var result = new List<List<string>>();
        if (select.From is null)
        {
            result.Add([.. select.Columns.Select(c => Render(Eval(c, null)))]);
            return result;
        }

        var table = tables[select.From];
        var rows = table.Rows.Where(r => select.Where is null || Eval(select.Where, (table, r)) is true).ToList();
        if (select.Columns is [CallExpr { Name: "count" }])
        {
            result.Add([rows.Count.ToString(CultureInfo.InvariantCulture)]);
            return result;
        }

        foreach (var row in rows)
        {
            var line = new List<string>();
            foreach (var c in select.Columns)
            {
                if (c is StarExpr)
                {
                    line.AddRange(row.Select(Render));
                }
                else
                {
                    line.Add(Render(Eval(c, (table, row))));
                }
            }

            result.Add(line);
        }

        return result;
    }

    /// <summary>PostgreSQL's text output of a value (booleans t/f, reals as shortest float4 text).</summary>
    public static string Render(object? value) => value switch
    {
        null => "NULL",
        bool b => b ? "t" : "f",
        float f => f.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        UnknownValue u => u.Text,
        string[] a => "{" + string.Join(",", a) + "}",
        _ => value.ToString() ?? "",
    };

    private object? Eval(SqlExpr e, (Table Table, object?[] Row)? ctx) => e switch
    {
        LiteralExpr l => l.Value,
        UnknownExpr u => new UnknownValue(u.Text),
        ColumnExpr c => ctx!.Value.Row[ctx.Value.Table.Columns.FindIndex(x => x.Name == c.Name)],
        CastExpr c => Coerce(Eval(c.Operand, ctx), c.Type),
        ArrayExpr a => a.Items.Select(i => Eval(i, ctx)).ToArray(),
        UnaryExpr u => Unary(u.Op, Eval(u.Operand, ctx)),
        BinaryExpr b => Binary(b.Op, Eval(b.Left, ctx), Eval(b.Right, ctx)),
        CallExpr c => Call(c.Name, [.. c.Args.Select(a => Eval(a, ctx))]),
        _ => throw new NotSupportedException(e.ToString()),
    };

    public static object? Coerce(object? v, string type)
    {
        if (v is null)
        {
            return null;
        }

        var text = v is UnknownValue u ? u.Text : v as string;
        switch (type)
        {
            case "tsvector":
                return v is TsVector ? v : TsVector.Parse(text ?? Render(v));
            case "tsquery":
                return v is TsQuery ? v : TsQuery.Parse(text ?? Render(v));
            case "text" or "varchar" or "regconfig":
                return text ?? Render(v);
            case "int" or "integer" or "int4" or "int8" or "bigint":
                return v is long ? v : long.Parse(text ?? Render(v), CultureInfo.InvariantCulture);
            case "float4" or "real":
                return v switch { float f => f, double d => (float)d, long l => (float)l, _ => float.Parse(text!, CultureInfo.InvariantCulture) };
            case "float4[]" or "real[]" or "float8[]":
                return ToFloatArray(v);
            case "text[]":
                return ToTextArray(v);
            case "bool" or "boolean":
                return v is bool ? v : text is "t" or "true";
            default:
                throw new NotSupportedException("cast to " + type);
        }
    }

    private static float?[] ToFloatArray(object v) => v switch
    {
        float?[] f => f,
        object?[] items => [.. items.Select(i => i is null ? (float?)null : Convert.ToSingle(i is UnknownValue uv ? uv.Text : i, CultureInfo.InvariantCulture))],
        _ => [.. ArrayLiteral(v is UnknownValue u ? u.Text : (string)v).Select(s => s is null or "NULL" ? (float?)null : float.Parse(s, CultureInfo.InvariantCulture))],
    };

    private static string?[] ToTextArray(object v) => v switch
    {
        string?[] s => s,
        object?[] items => [.. items.Select(i => i is null ? null : i is UnknownValue uv ? uv.Text : Render(i))],
        _ => [.. ArrayLiteral(v is UnknownValue u ? u.Text : (string)v).Select(s => s == "NULL" ? null : s)],
    };

    private static List<string?> ArrayLiteral(string text)
    {
        var inner = text.Trim().TrimStart('{').TrimEnd('}');
        return inner.Length == 0 ? [] : [.. inner.Split(',').Select(s => (string?)s.Trim().Trim('"'))];
    }
}
