namespace ReefDB.Sql.Functions;

/// <summary>
/// The settings of a <see cref="FunctionContext"/> at one moment (BEGIN, SAVEPOINT), to put back when the
/// transaction or the savepoint is rolled back, as PostgreSQL undoes SET then.
/// </summary>
/// <param name="TextSearchConfig">The session value of <c>default_text_search_config</c>.</param>
/// <param name="LocalTextSearchConfig">A <c>SET LOCAL</c> value in force until the transaction ends, if any.</param>
internal readonly record struct SettingsSnapshot(string TextSearchConfig, string? LocalTextSearchConfig);
