namespace ReefDB.Sql.Syntax;

/// <summary>
/// A type as written in CAST, <c>::</c>, a typed literal or a column definition, normalized to
/// PostgreSQL's canonical name so the engine matches one spelling per type:
/// <c>smallint</c> (SMALLINT, INT2), <c>integer</c> (INT, INTEGER, INT4), <c>bigint</c> (BIGINT, INT8),
/// <c>real</c> (REAL, FLOAT4, FLOAT(1..24)), <c>double precision</c> (DOUBLE PRECISION, FLOAT8, FLOAT,
/// FLOAT(25..53)), <c>numeric</c> (NUMERIC, DECIMAL, DEC), <c>text</c>, <c>varchar</c> (VARCHAR,
/// CHARACTER VARYING, CHAR VARYING), <c>char</c> (CHAR, CHARACTER, BPCHAR), <c>boolean</c> (BOOLEAN, BOOL),
/// <c>date</c>, <c>time</c>, <c>timestamp</c> (TIMESTAMP [WITHOUT TIME ZONE]), <c>timestamptz</c>
/// (TIMESTAMP WITH TIME ZONE, TIMESTAMPTZ), <c>interval</c>, <c>bytea</c>, <c>tsvector</c>, <c>tsquery</c>.
/// Any other name is passed through (lower-cased unless quoted) for the engine to accept or reject
/// with 42704 (undefined_object).
/// </summary>
/// <param name="Name">The canonical name (see above).</param>
/// <param name="Modifiers">
/// Type modifiers in order: <c>numeric(p, s)</c> gives [p, s], <c>varchar(n)</c> and <c>char(n)</c>
/// give [n]. Empty when none were written (FLOAT(p) is consumed by the normalization and leaves none).
/// </param>
internal sealed record TypeName(string Name, IReadOnlyList<int> Modifiers) : SyntaxNode
{
    public TypeName(string name)
        : this(name, [])
    {
    }
}
