using System.Globalization;

namespace ReefDB.Cli.LogicTest;

/// <summary>Counts of records by verdict, for one file or a whole run.</summary>
internal readonly record struct FileTally(int Passed, int Failed, int Skipped)
{
    public FileTally Add(VerdictKind kind) => kind switch
    {
        VerdictKind.Passed => this with { Passed = Passed + 1 },
        VerdictKind.Failed => this with { Failed = Failed + 1 },
        _ => this with { Skipped = Skipped + 1 },
    };

    public static FileTally operator +(FileTally left, FileTally right) =>
        new(left.Passed + right.Passed, left.Failed + right.Failed, left.Skipped + right.Skipped);

    /// <summary><c>P passed, F failed, S skipped</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Passed} passed, {Failed} failed, {Skipped} skipped");
}
