namespace ReefDB.Cli.LogicTest;

/// <summary>
/// One record of a sqllogictest file (FORMAT.wiki): a statement, a query or a control record, with the
/// <c>skipif</c>/<c>onlyif</c> conditions written before it. <see cref="Line"/> is the 1-based line of
/// the record's command line (<c>statement ok</c>, <c>query …</c>), for reports.
/// </summary>
internal abstract record LogicTestRecord(int Line, IReadOnlyList<RecordCondition> Conditions)
{
    /// <summary>True when the conditions let an engine that answers to <paramref name="engineNames"/>
    /// run the record: no <c>skipif</c> names it, and every <c>onlyif</c> does.</summary>
    public bool AppliesTo(IReadOnlySet<string> engineNames) =>
        Conditions.All(c => c.OnlyIf == engineNames.Contains(c.Engine));

    /// <summary>True for records that count as passed, failed or skipped (statements and queries).</summary>
    public virtual bool IsCounted => true;
}

/// <summary>A <c>skipif &lt;engine&gt;</c> (<see cref="OnlyIf"/> false) or <c>onlyif &lt;engine&gt;</c> line.</summary>
internal readonly record struct RecordCondition(bool OnlyIf, string Engine);

/// <summary><c>statement ok</c> / <c>statement error</c>: run <see cref="Sql"/>, expect success or an error.</summary>
internal sealed record StatementRecord(int Line, IReadOnlyList<RecordCondition> Conditions, bool ExpectError, string Sql)
    : LogicTestRecord(Line, Conditions);

/// <summary>How a query's printed values are ordered before comparison.</summary>
internal enum SortMode
{
    /// <summary>As the engine returned them.</summary>
    NoSort,

    /// <summary>Rows sorted by their printed values, column by column, as byte strings.</summary>
    RowSort,

    /// <summary>Every value sorted on its own, as byte strings, ignoring rows.</summary>
    ValueSort,
}

/// <summary>
/// <c>query &lt;types&gt; [sort] [label]</c>: run <see cref="Sql"/> and compare its printed values with
/// either <see cref="ExpectedValues"/> (one per line) or <see cref="ExpectedHash"/>
/// (<c>N values hashing to &lt;md5&gt;</c>).
/// </summary>
/// <param name="Types">One character per column: <c>I</c> integer, <c>R</c> real, <c>T</c> text.</param>
internal sealed record QueryRecord(
    int Line,
    IReadOnlyList<RecordCondition> Conditions,
    string Types,
    SortMode Sort,
    string? Label,
    string Sql,
    IReadOnlyList<string> ExpectedValues,
    HashedResult? ExpectedHash) : LogicTestRecord(Line, Conditions);

/// <summary>A result given as its value count and the md5 of its printed values.</summary>
internal sealed record HashedResult(int ValueCount, string Md5)
{
    /// <summary>The line as a test file writes it.</summary>
    public override string ToString() => $"{ValueCount} values hashing to {Md5}";
}

/// <summary><c>hash-threshold N</c>: results with more than N values are written hashed (0: never).</summary>
internal sealed record HashThresholdRecord(int Line, IReadOnlyList<RecordCondition> Conditions, int Threshold)
    : LogicTestRecord(Line, Conditions)
{
    public override bool IsCounted => false;
}

/// <summary><c>halt</c>: ignore the rest of the file.</summary>
internal sealed record HaltRecord(int Line, IReadOnlyList<RecordCondition> Conditions)
    : LogicTestRecord(Line, Conditions)
{
    public override bool IsCounted => false;
}

/// <summary>A record this runner does not understand; it counts as failed so that it is seen.</summary>
internal sealed record UnknownRecord(int Line, IReadOnlyList<RecordCondition> Conditions, string Text)
    : LogicTestRecord(Line, Conditions);
