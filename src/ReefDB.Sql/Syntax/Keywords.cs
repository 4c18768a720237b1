namespace ReefDB.Sql.Syntax;

/// <summary>PostgreSQL's keyword categories (Appendix C), which decide where a word may be a name.</summary>
internal enum KeywordCategory
{
    /// <summary>Not a keyword, or an unreserved one: usable as any name.</summary>
    None,

    /// <summary>Usable as a column or table name but not as a function or type name (BETWEEN, INT, …).</summary>
    ColumnName,

    /// <summary>Usable as a function or type name but not as a column name (LEFT, JOIN, LIKE, …).</summary>
    TypeFunctionName,

    /// <summary>Only usable as a name after AS or when quoted.</summary>
    Reserved,
}

/// <summary>
/// The keyword table, following PostgreSQL 16 so that the names users commonly give columns
/// (<c>name</c>, <c>text</c>, <c>value</c>, <c>key</c>, <c>data</c>, <c>count</c>, <c>date</c>) keep working.
/// Unreserved keywords need no entry: the parser recognizes them by context.
/// </summary>
internal static class Keywords
{
    private static readonly Dictionary<string, KeywordCategory> Categories = Build();

    public static KeywordCategory CategoryOf(Token token) =>
        token.Kind == TokenKind.Identifier && Categories.TryGetValue(token.Text, out var category)
            ? category
            : KeywordCategory.None;

    private static Dictionary<string, KeywordCategory> Build()
    {
        var map = new Dictionary<string, KeywordCategory>(StringComparer.Ordinal);
        string[] reserved =
        [
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both", "case", "cast",
            "check", "collate", "column", "constraint", "create", "current_catalog", "current_date", "current_role",
            "current_time", "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do",
            "else", "end", "except", "false", "fetch", "for", "foreign", "from", "grant", "group", "having", "in",
            "initially", "intersect", "into", "lateral", "leading", "limit", "localtime", "localtimestamp", "not",
            "null", "offset", "on", "only", "or", "order", "placing", "primary", "references", "returning", "select",
            "session_user", "some", "symmetric", "system_user", "table", "then", "to", "trailing", "true", "union",
            "unique", "user", "using", "variadic", "when", "where", "window", "with",
        ];
        string[] typeFunction =
        [
            "authorization", "binary", "collation", "concurrently", "cross", "current_schema", "freeze", "full",
            "ilike", "inner", "is", "isnull", "join", "left", "like", "natural", "notnull", "outer", "overlaps",
            "right", "similar", "tablesample", "verbose",
        ];
        string[] columnName =
        [
            "between", "bigint", "bit", "boolean", "char", "character", "coalesce", "dec", "decimal", "exists",
            "extract", "float", "greatest", "grouping", "inout", "int", "integer", "interval", "least", "national",
            "nchar", "none", "normalize", "nullif", "numeric", "out", "overlay", "position", "precision", "real",
            "row", "setof", "smallint", "substring", "time", "timestamp", "treat", "trim", "values", "varchar",
        ];
        foreach (var word in reserved)
        {
            map[word] = KeywordCategory.Reserved;
        }

        foreach (var word in typeFunction)
        {
            map[word] = KeywordCategory.TypeFunctionName;
        }

        foreach (var word in columnName)
        {
            map[word] = KeywordCategory.ColumnName;
        }

        return map;
    }
}
