using System.Globalization;

namespace ReefDB.Cli.Sessions;

/// <summary>
/// A statement's failure as the CLI reports it: the SQLSTATE code, the message and, for errors about
/// the text itself, where in that text (1-based line and column).
/// </summary>
internal sealed record SqlError(string SqlState, string Message, int? Line = null, int? Column = null)
{
    /// <summary>SQLSTATE for a bug inside the engine (an exception it did not map to a code).</summary>
    public const string InternalErrorState = "XX000";

    /// <summary>SQLSTATE for a feature that is not there (yet).</summary>
    public const string FeatureNotSupportedState = "0A000";

    /// <summary>The same error with its position moved by where its statement starts in a larger
    /// script, so that line and column point into what the user typed.</summary>
    /// <param name="startLine">1-based line of the statement's first character in the script.</param>
    /// <param name="startColumn">1-based column of that character.</param>
    public SqlError ShiftedBy(int startLine, int startColumn) => Line is { } line
        ? this with
        {
            Line = line + startLine - 1,
            Column = line == 1 && Column is { } column ? column + startColumn - 1 : Column,
        }
        : this;

    /// <summary>The line the CLI prints: <c>ERROR: 42601: message at line 1, column 8</c>.</summary>
    public string Display() => Line is { } line
        ? string.Create(CultureInfo.InvariantCulture, $"ERROR: {SqlState}: {Message} at line {line}, column {Column ?? 1}")
        : $"ERROR: {SqlState}: {Message}";
}
