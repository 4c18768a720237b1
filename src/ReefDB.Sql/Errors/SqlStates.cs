namespace ReefDB.Sql.Errors;

// Each constant is named after its PostgreSQL condition name, which documents it.
#pragma warning disable CS1591

/// <summary>
/// SQLSTATE codes ReefDB raises, with PostgreSQL's meanings (Appendix A of its manual).
/// Add a code here before using it, so that the set a client can see stays in one place.
/// </summary>
public static class SqlStates
{
    // Class 0A — feature not supported
    public const string FeatureNotSupported = "0A000";

    // Class 21 — cardinality violation
    public const string CardinalityViolation = "21000";

    // Class 22 — data exception
    public const string DataException = "22000";
    public const string StringDataRightTruncation = "22001";
    public const string NumericValueOutOfRange = "22003";
    public const string NullValueNotAllowed = "22004";
    public const string InvalidDatetimeFormat = "22007";
    public const string DatetimeFieldOverflow = "22008";
    public const string InvalidEscapeSequence = "22025";
    public const string DivisionByZero = "22012";
    public const string InvalidParameterValue = "22023";
    public const string InvalidTextRepresentation = "22P02";
    public const string InvalidBinaryRepresentation = "22P03";
    public const string InvalidRegularExpression = "2201B";
    public const string InvalidRowCountInLimitClause = "2201W";
    public const string InvalidRowCountInResultOffsetClause = "2201X";
    public const string SubstringError = "22011";
    public const string InvalidArgumentForLogarithm = "2201E";
    public const string InvalidArgumentForPowerFunction = "2201F";
    public const string InvalidArgumentForWidthBucketFunction = "2201G";
    public const string ZeroLengthCharacterString = "2200F";
    public const string IntervalFieldOverflow = "22015";
    public const string CharacterNotInRepertoire = "22021";

    // Class 23 — integrity constraint violation
    public const string IntegrityConstraintViolation = "23000";
    public const string RestrictViolation = "23001";
    public const string NotNullViolation = "23502";
    public const string ForeignKeyViolation = "23503";
    public const string UniqueViolation = "23505";
    public const string CheckViolation = "23514";

    // Class 25 — invalid transaction state
    public const string ActiveSqlTransaction = "25001";
    public const string NoActiveSqlTransaction = "25P01";
    public const string InFailedSqlTransaction = "25P02";

    // Class 3B — savepoint exception
    public const string InvalidSavepointSpecification = "3B001";

    // Class 42 — syntax error or access rule violation
    public const string SyntaxError = "42601";
    public const string UndefinedColumn = "42703";
    public const string UndefinedTable = "42P01";
    public const string UndefinedFunction = "42883";
    public const string UndefinedObject = "42704";
    public const string UndefinedParameter = "42P02";
    public const string DuplicateColumn = "42701";
    public const string DuplicateTable = "42P07";
    public const string DuplicateObject = "42710";
    public const string DuplicateAlias = "42712";
    public const string AmbiguousColumn = "42702";
    public const string AmbiguousFunction = "42725";
    public const string DatatypeMismatch = "42804";
    public const string CannotCoerce = "42846";
    public const string GroupingError = "42803";
    public const string WindowingError = "42P20";
    public const string InvalidRecursion = "42P19";
    public const string InvalidColumnReference = "42P10";
    public const string InvalidTableDefinition = "42P16";
    public const string InvalidObjectDefinition = "42P17";
    public const string WrongObjectType = "42809";
    public const string InvalidForeignKey = "42830";
    public const string IndeterminateDatatype = "42P18";
    public const string InvalidName = "42602";
    public const string NameTooLong = "42622";
    public const string ReservedName = "42939";
    public const string DependentObjectsStillExist = "2BP01";

    // Class 53/54 — resources and limits
    public const string ProgramLimitExceeded = "54000";
    public const string StatementTooComplex = "54001";
    public const string TooManyColumns = "54011";
    public const string OutOfMemory = "53200";

    // Class 55 — object not in prerequisite state
    public const string ObjectNotInPrerequisiteState = "55000";
    public const string CantChangeRuntimeParam = "55P02";

    // Class 57 — operator intervention
    public const string QueryCanceled = "57014";

    // Class XX — internal error
    public const string InternalError = "XX000";
    public const string DataCorrupted = "XX001";
}
