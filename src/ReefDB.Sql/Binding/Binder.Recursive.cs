using ReefDB.Sql.Errors;
using ReefDB.Sql.Syntax;

namespace ReefDB.Sql.Binding;

internal sealed partial class Binder
{
    private static bool IsSelfReferencing(CommonTableExpression cte) =>
        cte.Query.Body is SetOperationExpression { Operator: SetOperator.Union } union && References(union.Right, cte.Name);

    private static bool References(QueryExpression q, string name) => q switch
    {
        SelectExpression s => s.From.Any(f => References(f, name)),
        SetOperationExpression s => References(s.Left, name) || References(s.Right, name),
        Query inner => References(inner.Body, name),
        _ => false,
    };

    private static bool References(TableReference t, string name) => t switch
    {
        NamedTableReference n => n.Name.Schema is null && n.Name.Name == name,
        JoinTableReference j => References(j.Left, name) || References(j.Right, name),
        SubqueryTableReference s => References(s.Query.Body, name),
        _ => false,
    };

    /// <summary>
    /// Binds <c>anchor UNION [ALL] recursive</c>: the anchor fixes the column types, then the recursive part
    /// is bound with self-references reading the work table, converted to the anchor's types.
    /// </summary>
    private void BindRecursive(CteDefinition definition)
    {
        var union = (SetOperationExpression)definition.Query.Body;
        if (definition.Query.OrderBy.Count > 0 || definition.Query.Limit is not null)
        {
            throw new SqlException(SqlStates.FeatureNotSupported, "ORDER BY/LIMIT in a recursive query is not implemented");
        }

        var cteScope = new CteScope(definition.Scope);
        cteScope.Add(definition);
        var anchor = BindQueryExpression(union.Left, new Scope(null, definition.Scope));
        var names = definition.ColumnNames.Count > 0
            ? RenameColumns(anchor.Names, definition.ColumnNames, definition.Name)
            : anchor.Names;
        var types = OutputTypes(anchor);
        var id = nextWorkTableId++;
        definition.WorkTable = (id, new RangeVariableShape(names, types));
        var recursive = BindQueryExpression(union.Right, new Scope(null, cteScope));
        definition.WorkTable = null;
        if (recursive.Width != anchor.Width)
        {
            throw new SqlException(SqlStates.SyntaxError, "each UNION query must have the same number of columns");
        }

        definition.Recursive = new BoundRecursiveQuery(
            names, types, id, ConvertTo(anchor, types), ConvertTo(recursive, types, assignment: true), union.All);
    }
}
