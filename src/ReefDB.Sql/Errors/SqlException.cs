namespace ReefDB.Sql.Errors;

/// <summary>
/// The one exception type the SQL engine raises for anything a client did wrong or that the data
/// does not allow. <see cref="SqlState"/> is the stable, PostgreSQL-compatible SQLSTATE code that
/// clients branch on; <see cref="Position"/> locates syntax errors in the statement text.
/// </summary>
/// <remarks>
/// Any other exception escaping the engine is a bug: boundaries (CLI, gateways, apply) map it to
/// <see cref="SqlStates.InternalError"/> rather than crash.
/// </remarks>
public sealed class SqlException : Exception
{
    /// <summary>Creates an error with a SQLSTATE code and a message meant for the user.</summary>
    public SqlException(string sqlState, string message, SourcePosition? position = null)
        : base(message)
    {
        SqlState = sqlState;
        Position = position;
    }

    /// <summary>The five-character SQLSTATE code (see <see cref="SqlStates"/>).</summary>
    public string SqlState { get; }

    /// <summary>Where in the SQL text the error was found, when it is about the text itself.</summary>
    public SourcePosition? Position { get; }

    /// <summary>The message with its position appended, as the CLI prints it.</summary>
    public string DisplayMessage =>
        Position is { } p ? $"{Message} at line {p.Line}, column {p.Column}" : Message;
}

/// <summary>A location in SQL text: 1-based line and column, and the 0-based character offset.</summary>
public readonly record struct SourcePosition(int Line, int Column, int Offset);
