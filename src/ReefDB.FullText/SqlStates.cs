namespace ReefDB.FullText;

/// <summary>The PostgreSQL SQLSTATE codes this library raises (the subset text search uses).</summary>
public static class SqlStates
{
    /// <summary>42601: malformed tsvector/tsquery text.</summary>
    public const string SyntaxError = "42601";

    /// <summary>22023: an argument out of its allowed range (phrase distance, weights, options).</summary>
    public const string InvalidParameterValue = "22023";

    /// <summary>54000: a lexeme, position list or query beyond PostgreSQL's size limits.</summary>
    public const string ProgramLimitExceeded = "54000";

    /// <summary>2202E: a weights array of the wrong shape.</summary>
    public const string ArraySubscriptError = "2202E";

    /// <summary>22004: a NULL inside an array that must not contain one.</summary>
    public const string NullValueNotAllowed = "22004";

    /// <summary>2200F: an empty string where a lexeme is required.</summary>
    public const string ZeroLengthString = "2200F";

    /// <summary>22P02: a malformed number in headline options.</summary>
    public const string InvalidTextRepresentation = "22P02";

    /// <summary>42704: an unknown text search configuration.</summary>
    public const string UndefinedObject = "42704";

    /// <summary>XX000: an internal error PostgreSQL reports with elog (e.g. an unrecognized weight).</summary>
    public const string InternalError = "XX000";
}
