namespace ReefDB.Cli.Output;

/// <summary>How <c>reefdb sql</c> prints results (<c>--format</c>).</summary>
internal enum OutputFormat
{
    /// <summary>psql's aligned table, with command tags: for people.</summary>
    Table,

    /// <summary>RFC 4180 CSV, a header line then the rows, only for row-returning statements: for scripts.</summary>
    Csv,

    /// <summary>One JSON object per line per row-returning statement: for programs.</summary>
    Json,
}
