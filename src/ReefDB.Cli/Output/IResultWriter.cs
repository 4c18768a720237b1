using ReefDB.Cli.Sessions;

namespace ReefDB.Cli.Output;

/// <summary>Prints the outcomes of successful statements in one <see cref="OutputFormat"/>.</summary>
/// <remarks>Each call writes the whole outcome and flushes, so a reader of the output sees a
/// statement's result as soon as the statement has completed.</remarks>
internal interface IResultWriter
{
    /// <summary>Writes one successful statement's outcome (errors go to standard error elsewhere).</summary>
    void Write(StatementOutcome outcome);
}
