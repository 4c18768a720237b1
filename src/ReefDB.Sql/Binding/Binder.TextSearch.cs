using ReefDB.Sql.Functions;
using BinaryOperator = ReefDB.Sql.Syntax.BinaryOperator;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Binding;

/// <summary>
/// Text-search operators. Each is bound as a call of the function PostgreSQL implements it with (its
/// pg_operator.oprcode): <c>@@</c> → <c>ts_match_vq</c>/<c>ts_match_qv</c>/<c>ts_match_tq</c>/<c>ts_match_tt</c>,
/// tsvector <c>||</c> → <c>tsvector_concat</c>, tsquery <c>||</c>, <c>&amp;&amp;</c>, <c>!!</c>, <c>&lt;-&gt;</c>,
/// <c>@&gt;</c>, <c>&lt;@</c> → <c>tsquery_or</c>, <c>tsquery_and</c>, <c>tsquery_not</c>, <c>tsquery_phrase</c>,
/// <c>tsq_mcontains</c>, <c>tsq_mcontained</c>. Calls keep the batch's function context (the default text
/// search configuration of <c>text @@ text</c>), and the planner recognizes <c>ts_match_vq</c>/<c>ts_match_qv</c>
/// for GIN index scans.
/// </summary>
internal sealed partial class Binder
{
    /// <summary>Names of the functions <c>vector @@ query</c> binds to; the planner's GIN matching reads them.</summary>
    internal const string MatchVectorQuery = "ts_match_vq";

    /// <inheritdoc cref="MatchVectorQuery"/>
    internal const string MatchQueryVector = "ts_match_qv";

    /// <summary>
    /// Binds <paramref name="op"/> when it is a text-search operator for these operand types, resolving
    /// unknown literals as PostgreSQL does (<c>tsvector @@ 'a &amp; b'</c> reads the literal as a tsquery);
    /// null when the operator is not a text-search one for these types.
    /// </summary>
    private BoundExpr? BindTextSearchOperator(BinaryOperator op, BoundExpr left, BoundExpr right)
    {
        var l = left.Type.Kind;
        var r = right.Type.Kind;
        var symbol = OperatorText(op);
        string? function = op switch
        {
            BinaryOperator.TextSearchMatch or BinaryOperator.TextSearchMatchDeprecated => MatchFunction(l, r),
            BinaryOperator.Concat when l == SqlTypeKind.TsVector || r == SqlTypeKind.TsVector => "tsvector_concat",
            BinaryOperator.Concat when l == SqlTypeKind.TsQuery || r == SqlTypeKind.TsQuery => "tsquery_or",
            BinaryOperator.TextSearchAnd => "tsquery_and",
            BinaryOperator.TextSearchPhrase => "tsquery_phrase",
            BinaryOperator.Contains => "tsq_mcontains",
            BinaryOperator.ContainedBy => "tsq_mcontained",
            _ => null,
        };
        if (function is null)
        {
            return op is BinaryOperator.TextSearchMatch or BinaryOperator.TextSearchMatchDeprecated
                ? throw SqlOperators.NoOperator(symbol, left.Type, right.Type)
                : null;
        }

        var parameters = FunctionRegistry.OperatorParameters(function);
        if (!Fits(left.Type, parameters[0]) || !Fits(right.Type, parameters[1]))
        {
            throw SqlOperators.NoOperator(symbol, left.Type, right.Type);
        }

        return CallFunction(function, [Coerce(left, parameters[0], symbol), Coerce(right, parameters[1], symbol)]);
    }

    /// <summary><c>!! query</c>.</summary>
    private BoundExpr BindTextSearchNot(BoundExpr operand)
    {
        if (!Fits(operand.Type, SqlType.TsQuery))
        {
            throw new Errors.SqlException(Errors.SqlStates.UndefinedFunction, $"operator does not exist: !! {operand.Type.Name}");
        }

        return CallFunction("tsquery_not", [Coerce(operand, SqlType.TsQuery, "!!")]);
    }

    private static bool Fits(SqlType type, SqlType parameter) =>
        type.Kind == SqlTypeKind.Unknown || type.Kind == parameter.Kind || (type.IsString && parameter.IsString);

    /// <summary>
    /// PostgreSQL's choice among @@(tsvector, tsquery), @@(tsquery, tsvector), @@(text, tsquery) and
    /// @@(text, text): an unknown side takes the type the known side's operator needs; two unknowns are text.
    /// </summary>
    private static string? MatchFunction(SqlTypeKind left, SqlTypeKind right)
    {
        static bool IsText(SqlTypeKind k) => k is SqlTypeKind.Text or SqlTypeKind.VarChar or SqlTypeKind.Char or SqlTypeKind.Unknown;
        return (left, right) switch
        {
            (SqlTypeKind.TsVector, SqlTypeKind.TsQuery or SqlTypeKind.Unknown) => MatchVectorQuery,
            (SqlTypeKind.TsQuery, SqlTypeKind.TsVector or SqlTypeKind.Unknown) => MatchQueryVector,
            (SqlTypeKind.Unknown, SqlTypeKind.TsVector) => MatchQueryVector,
            (_, SqlTypeKind.TsQuery) when IsText(left) => "ts_match_tq",
            _ when IsText(left) && IsText(right) => "ts_match_tt",
            _ => null,
        };
    }

    /// <summary>A call of a registry function on arguments already converted to its parameter types.</summary>
    private static BoundCall CallFunction(string name, BoundExpr[] arguments)
    {
        var resolved = FunctionRegistry.Resolve(name, [.. arguments.Select(a => a.Type)]);
        return new BoundCall(name, resolved.Invoke, [.. arguments], resolved.ResultType, resolved.IsVolatile);
    }

    /// <summary>
    /// Binds <c>bm25(document, query [, k1, b])</c>. The document must be the key of a GIN index of a table in
    /// the FROM clause (its column or its expression): the index holds the statistics bm25 scores with.
    /// </summary>
    private BoundBm25 BindBm25(List<BoundExpr> args)
    {
        if (args.Count is < 2 or > 4 || args[0].Type.Kind != SqlTypeKind.TsVector || !Fits(args[1].Type, SqlType.TsQuery)
            || args.Skip(2).Any(a => !a.Type.IsNumeric && a.Type.Kind != SqlTypeKind.Unknown))
        {
            throw new Errors.SqlException(Errors.SqlStates.UndefinedFunction,
                $"function bm25({string.Join(", ", args.Select(a => a.Type.Name))}) does not exist");
        }

        var document = args[0];
        var (table, index) = FindGinIndex(document) ?? throw new Errors.SqlException(Errors.SqlStates.FeatureNotSupported,
            "bm25 needs a GIN index whose key is its document (CREATE INDEX … USING gin (…)) on a table in FROM");
        return new BoundBm25(
            table.Name,
            index.Name,
            document,
            Coerce(args[1], SqlType.TsQuery, "bm25"),
            args.Count > 2 ? Coerce(args[2], SqlType.Double, "bm25") : null,
            args.Count > 3 ? Coerce(args[3], SqlType.Double, "bm25") : null);
    }

    private (Catalog.TableDef Table, Catalog.IndexDef Index)? FindGinIndex(BoundExpr document)
    {
        var sources = document.Columns().Select(c => c.Id.Source).Distinct().ToList();
        if (sources.Count != 1 || !tablesBySource.TryGetValue(sources[0], out var entry))
        {
            return null;
        }

        var key = ExpressionKey.Of(document);
        foreach (var index in Catalog.IndexesOf(entry.Table.Name).Where(i => i.IsGin).OrderBy(i => i.Name, StringComparer.Ordinal))
        {
            if (GinIndexKey(Catalog, entry.Table, entry.Variable, index) == key)
            {
                return (entry.Table, index);
            }
        }

        return null;
    }

    /// <summary>The canonical key (<see cref="ExpressionKey"/>) of a GIN index's vector read through <paramref name="variable"/>.</summary>
    internal static string GinIndexKey(Catalog.DatabaseCatalog catalog, Catalog.TableDef table, RangeVariable variable, Catalog.IndexDef index)
    {
        var part = index.Keys[0];
        if (part.IsColumn)
        {
            var column = table.Columns[part.Column];
            return ExpressionKey.Of(new BoundColumn(new ColumnId(variable.SourceId, part.Column), 0, column.Type, column.Name));
        }

        // The index expression names the table's own columns, whatever the FROM clause renamed them to.
        var scope = new Scope(null, null);
        scope.Add(new RangeVariable(variable.SourceId, table.Name, [.. table.Columns.Select(c => c.Name)], [.. table.Columns.Select(c => c.Type)]));
        return ExpressionKey.Of(new Binder(catalog).BindExpression(part.Expression!.Syntax, new ExprContext(scope, false, "index expression")));
    }
}
