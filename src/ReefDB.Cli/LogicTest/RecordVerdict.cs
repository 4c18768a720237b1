namespace ReefDB.Cli.LogicTest;

/// <summary>How one counted record ended.</summary>
internal enum VerdictKind
{
    /// <summary>Ran and gave what the file expects.</summary>
    Passed,

    /// <summary>Ran (or timed out) and did not give what the file expects.</summary>
    Failed,

    /// <summary>Not run: a <c>skipif</c>/<c>onlyif</c> excluded it.</summary>
    Skipped,
}

/// <summary>
/// The verdict on one record, with what a <c>--verbose</c> report shows for a failure: why, the SQL,
/// and the expected and actual results as lines.
/// </summary>
internal sealed record RecordVerdict(VerdictKind Kind, LogicTestRecord Record)
{
    /// <summary>One line saying why the record failed.</summary>
    public string Reason { get; init; } = string.Empty;

    /// <summary>What the file expects, one line per value (or the hash line).</summary>
    public IReadOnlyList<string> Expected { get; init; } = [];

    /// <summary>What the engine gave, in the same form.</summary>
    public IReadOnlyList<string> Actual { get; init; } = [];

    public static RecordVerdict Pass(LogicTestRecord record) => new(VerdictKind.Passed, record);

    public static RecordVerdict Skip(LogicTestRecord record) => new(VerdictKind.Skipped, record);

    public static RecordVerdict Fail(LogicTestRecord record, string reason) => new(VerdictKind.Failed, record) { Reason = reason };
}
