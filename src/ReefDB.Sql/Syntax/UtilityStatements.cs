namespace ReefDB.Sql.Syntax;

/// <summary><c>EXPLAIN [ANALYZE] [VERBOSE] statement</c> (also <c>EXPLAIN (ANALYZE, …) statement</c>).</summary>
internal sealed record ExplainStatement(Statement Statement, bool Analyze, bool Verbose) : Statement;

/// <summary>
/// <c>SET [SESSION|LOCAL] name {=|TO} value[, …]</c>, <c>SET name TO DEFAULT</c>, <c>RESET name</c>,
/// <c>SET TIME ZONE value</c> (name <c>timezone</c>).
/// </summary>
/// <param name="Name">The setting's lower-cased name; a dotted name keeps its dots (<c>a.b</c>).</param>
/// <param name="Values">The value(s) as literals: a bare word (<c>on</c>, <c>english</c>) becomes a
/// <see cref="StringLiteral"/>, numbers stay numeric literals. Empty means DEFAULT/RESET.</param>
/// <param name="Local">SET LOCAL (for the current transaction only).</param>
internal sealed record SetStatement(string Name, IReadOnlyList<Literal> Values, bool Local) : Statement;

/// <summary><c>SHOW name</c> (<c>SHOW ALL</c> gives name <c>all</c>; <c>SHOW TIME ZONE</c> gives <c>timezone</c>).</summary>
internal sealed record ShowStatement(string Name) : Statement;
