namespace ReefDB.Cli.LogicTest;

/// <summary>Settings of a <c>reefdb logictest</c> run.</summary>
/// <param name="Verbose">Report each failure with its SQL, expected and actual result.</param>
/// <param name="RecordTimeout">How long one record may run before it fails as a timeout and the rest
/// of its file is given up (10 s by default; must be positive).</param>
/// <param name="EngineNames">The names <c>skipif</c>/<c>onlyif</c> match: ReefDB answers to
/// <c>postgresql</c> (the corpus's records for PostgreSQL fit its semantics) and to <c>reefdb</c>.</param>
internal sealed record LogicTestOptions(bool Verbose, TimeSpan RecordTimeout, IReadOnlySet<string> EngineNames)
{
    /// <summary>The default record timeout.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The engine names ReefDB answers to.</summary>
    public static readonly IReadOnlySet<string> ReefDbNames = new HashSet<string>(StringComparer.Ordinal) { "postgresql", "reefdb" };
}
