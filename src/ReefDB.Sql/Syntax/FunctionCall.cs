namespace ReefDB.Sql.Syntax;

/// <summary>
/// A function or aggregate call <c>name([DISTINCT] args [ORDER BY …]) [FILTER (WHERE …)]</c>.
/// </summary>
/// <remarks>
/// <para>The name is lower-cased (unless quoted). The parser does not know which names are
/// aggregates; the engine decides, and rejects DISTINCT/ORDER BY/FILTER/star on non-aggregates.</para>
/// <para>Special syntactic forms are desugared, following PostgreSQL's own rewriting:</para>
/// <list type="bullet">
/// <item><c>count(*)</c>: name <c>count</c>, <see cref="IsStar"/> true, no arguments.</item>
/// <item><c>EXTRACT(field FROM x)</c>: <c>extract('field', x)</c>, the field a lower-case
/// <see cref="StringLiteral"/> (<c>year</c>, <c>month</c>, <c>epoch</c>, …).</item>
/// <item><c>SUBSTRING(x FROM a FOR b)</c>: <c>substring(x, a, b)</c>; <c>FROM a</c> alone gives
/// <c>substring(x, a)</c>; <c>FOR b</c> alone gives <c>substring(x, 1, b)</c>.</item>
/// <item><c>POSITION(a IN b)</c>: <c>strpos(b, a)</c> (1-based index of a in b, 0 if absent).</item>
/// <item><c>TRIM([BOTH] [chars] FROM s)</c>: <c>btrim(s[, chars])</c>; LEADING gives <c>ltrim</c>,
/// TRAILING gives <c>rtrim</c>; <c>TRIM(s)</c> gives <c>btrim(s)</c>.</item>
/// <item>COALESCE, NULLIF, GREATEST, LEAST: ordinary calls by those names.</item>
/// </list>
/// </remarks>
/// <param name="Schema">A qualifying schema (<c>pg_catalog.lower(x)</c>), tolerated; null if none.</param>
/// <param name="OrderBy">The aggregate's own ORDER BY (<c>string_agg(x, ',' ORDER BY y)</c>).</param>
/// <param name="Filter">The <c>FILTER (WHERE …)</c> condition, or null.</param>
internal sealed record FunctionCall(
    string? Schema,
    string Name,
    IReadOnlyList<Expression> Arguments,
    bool Distinct,
    bool IsStar,
    IReadOnlyList<OrderByItem> OrderBy,
    Expression? Filter) : Expression
{
    /// <summary>A plain call <c>name(args)</c>.</summary>
    public FunctionCall(string name, params IReadOnlyList<Expression> arguments)
        : this(null, name, arguments, false, false, [], null)
    {
    }
}
