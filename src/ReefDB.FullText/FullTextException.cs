namespace ReefDB.FullText;

/// <summary>
/// An error raised by the text-search library, carrying the SQLSTATE and message text PostgreSQL
/// reports for the same input, so the SQL layer can rethrow it as its own error unchanged.
/// </summary>
public sealed class FullTextException : Exception
{
    /// <summary>Creates an error with a PostgreSQL SQLSTATE (e.g. "42601") and message text.</summary>
    public FullTextException(string sqlState, string message)
        : base(message)
    {
        SqlState = sqlState;
    }

    /// <summary>The five-character PostgreSQL SQLSTATE code of the error.</summary>
    public string SqlState { get; }
}
