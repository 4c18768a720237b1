using System.Collections.Immutable;
using ReefDB.Sql.Binding;
using ReefDB.Sql.Catalog;
using ReefDB.Sql.Errors;
using ReefDB.Sql.Syntax;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Execution;

internal static partial class Ddl
{
    /// <summary>
    /// The access method of <c>CREATE INDEX … USING method</c>: btree (the default) or gin, which takes one
    /// tsvector column or expression, is never unique, and, like PostgreSQL, only immutable expressions
    /// (so not <c>to_tsvector(text)</c>, which reads the batch's default configuration).
    /// </summary>
    private static IndexMethod IndexMethodOf(CreateIndexStatement s, ImmutableArray<IndexKeyPart> keys, DatabaseCatalog catalog, TableDef table)
    {
        switch (s.Method?.ToLowerInvariant())
        {
            // PostgreSQL's other access methods were always built as B-trees here; they stay so, and so
            // old log entries replay the same.
            case null or "btree" or "hash" or "gist" or "spgist" or "brin":
                return IndexMethod.BTree;
            case "gin":
                break;
            default:
                throw new SqlException(SqlStates.UndefinedObject, $"access method \"{s.Method}\" does not exist");
        }

        if (s.Unique)
        {
            throw new SqlException(SqlStates.FeatureNotSupported, "access method \"gin\" does not support unique indexes");
        }

        if (keys.Length != 1)
        {
            throw new SqlException(SqlStates.FeatureNotSupported, "ReefDB's gin indexes take exactly one tsvector key");
        }

        var type = keys[0].IsColumn ? table.Columns[keys[0].Column].Type : BindKey(keys[0].Expression!, catalog, table).Type;
        if (type.Kind != SqlTypeKind.TsVector)
        {
            throw new SqlException(SqlStates.UndefinedObject, $"data type {type.Name} has no default operator class for access method \"gin\"");
        }

        return IndexMethod.Gin;
    }

    private static BoundExpr BindKey(StoredExpression expression, DatabaseCatalog catalog, TableDef table)
    {
        var binder = new Binder(catalog);
        var scope = new Scope(null, null);
        scope.Add(binder.TableVariable(table, table.Name));
        var bound = binder.BindExpression(expression.Syntax, new ExprContext(scope, false, "index expression"));
        if (DependsOnSettings(bound))
        {
            throw new SqlException(SqlStates.InvalidObjectDefinition, "functions in index expression must be marked IMMUTABLE");
        }

        return bound;
    }

    /// <summary>True when the expression calls a volatile function or one that reads the default text search configuration.</summary>
    private static bool DependsOnSettings(BoundExpr e) =>
        (e is BoundCall call && (call.Volatile || (call.Arguments.Length == 1 && call.Name is "to_tsvector" or "to_tsquery"
            or "plainto_tsquery" or "phraseto_tsquery" or "websearch_to_tsquery")))
        || (e is BoundCall { Name: "ts_match_tt" or "ts_match_tq" or "get_current_ts_config" })
        || e.Children.Any(DependsOnSettings);
}
