using System.Collections.Immutable;
using ReefDB.Sql.Errors;
using ReefDB.Sql.Syntax;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Binding;

internal sealed partial class Binder
{
    /// <summary>Binds a FROM list (an implicit cross join) and adds its range variables to <paramref name="scope"/>.</summary>
    public BoundFrom? BindFromList(IReadOnlyList<TableReference> items, Scope scope)
    {
        BoundFrom? result = null;
        foreach (var item in items)
        {
            var bound = BindTableReference(item, scope);
            result = result is null ? bound : new BoundJoin(JoinKind.Cross, result, bound, null);
        }

        return result;
    }

    private BoundFrom BindTableReference(TableReference item, Scope scope) => item switch
    {
        NamedTableReference n => BindNamed(n, scope),
        SubqueryTableReference s => BindDerived(s, scope),
        JoinTableReference j => BindJoin(j, scope),
        FunctionTableReference f => BindFunctionTable(f, scope),
        _ => throw new SqlException(SqlStates.FeatureNotSupported, "unsupported FROM item"),
    };

    private BoundFrom BindNamed(NamedTableReference n, Scope scope)
    {
        var name = n.Name.Name;
        var alias = n.Alias?.Name ?? name;
        if (n.Name.Schema is null && scope.Ctes?.Find(name) is { } cte)
        {
            if (cte.WorkTable is { } work)
            {
                var wv = AddVariable(scope, alias, work.Shape.Names, work.Shape.Types, n.Alias);
                return new BoundWorkTableRef(wv, work.Id);
            }

            BoundQuery query = cte.Recursive ?? BindQuery(cte.Query, new Scope(null, cte.Scope));
            var names = cte.ColumnNames.Count > 0 ? RenameColumns(query.Names, cte.ColumnNames, name) : query.Names;
            var cv = AddVariable(scope, alias, names, OutputTypes(query), n.Alias);
            return new BoundDerivedRef(cv, query);
        }

        CheckSchema(n.Name);
        if (Catalog.FindView(name) is { } view)
        {
            var statement = SqlParser.Parse(view.QueryText).Single() as CreateViewStatement
                ?? throw new SqlException(SqlStates.InternalError, $"view \"{name}\" is corrupt");
            // The view's own text is not the statement's: its references are not reported.
            var reporter = ColumnResolved;
            ColumnResolved = null;
            BoundQuery query;
            try
            {
                query = BindQuery(statement.Query, new Scope(null, null));
            }
            finally
            {
                ColumnResolved = reporter;
            }

            var vv = AddVariable(scope, alias, view.ColumnNames, OutputTypes(query), n.Alias);
            return new BoundDerivedRef(vv, query);
        }

        var table = Catalog.FindTable(name)
            ?? throw new SqlException(SqlStates.UndefinedTable, $"relation \"{name}\" does not exist", n.Position);
        var tv = AddVariable(
            scope,
            alias,
            table.Columns.Select(c => c.Name).ToImmutableArray(),
            table.Columns.Select(c => c.Type).ToImmutableArray(),
            n.Alias);
        tablesBySource[tv.SourceId] = (table, tv);
        return new BoundTableRef(tv, table);
    }

    public static void CheckSchema(ObjectName name)
    {
        if (name.Schema is not null && name.Schema is not ("public" or "pg_catalog"))
        {
            throw new SqlException(SqlStates.UndefinedObject, $"schema \"{name.Schema}\" does not exist");
        }
    }

    private static ImmutableArray<SqlType> OutputTypes(BoundQuery q) =>
        q.Types.Select(t => t.Kind == SqlTypeKind.Unknown ? SqlType.Text : t).ToImmutableArray();

    private RangeVariable AddVariable(Scope scope, string? alias, ImmutableArray<string> names, ImmutableArray<SqlType> types, TableAlias? aliasSyntax)
    {
        if (aliasSyntax is { ColumnNames.Count: > 0 })
        {
            names = RenameColumns(names, aliasSyntax.ColumnNames, alias ?? "subquery");
        }

        var variable = NewVariable(alias, names, types);
        scope.Add(variable);
        return variable;
    }

    private static ImmutableArray<string> RenameColumns(ImmutableArray<string> names, IReadOnlyList<string> renamed, string what)
    {
        if (renamed.Count > names.Length)
        {
            throw new SqlException(SqlStates.InvalidColumnReference, $"\"{what}\" has {names.Length} columns available but {renamed.Count} columns specified");
        }

        return [.. renamed, .. names.Skip(renamed.Count)];
    }

    private BoundDerivedRef BindDerived(SubqueryTableReference s, Scope scope)
    {
        var query = BindQuery(s.Query, s.Lateral ? new Scope(scope, scope.Ctes) : scope.Sibling());
        var variable = AddVariable(scope, s.Alias?.Name, query.Names, OutputTypes(query), s.Alias);
        return new BoundDerivedRef(variable, query);
    }

    private BoundFunctionRef BindFunctionTable(FunctionTableReference f, Scope scope)
    {
        if (f.Function.Name != "generate_series")
        {
            throw new SqlException(SqlStates.UndefinedFunction, $"function {f.Function.Name} cannot be used in FROM");
        }

        var cx = new ExprContext(scope.Sibling(), false, "FROM");
        var args = f.Function.Arguments.Select(a => Coerce(BindExpression(a, cx), SqlType.BigInt, "generate_series")).ToImmutableArray();
        if (args.Length is < 2 or > 3)
        {
            throw new SqlException(SqlStates.UndefinedFunction, "generate_series takes 2 or 3 arguments");
        }

        // A function returning one scalar column names that column after the table alias when no column alias is
        // given (PostgreSQL: `FROM generate_series(1, 3) AS g` has a column g), otherwise after the function.
        var alias = f.Alias?.Name ?? "generate_series";
        var variable = AddVariable(scope, alias, [alias], [SqlType.BigInt], f.Alias);
        return new BoundFunctionRef(variable, "generate_series", args);
    }

    private BoundJoin BindJoin(JoinTableReference j, Scope scope)
    {
        var left = BindTableReference(j.Left, scope);
        var leftVars = scope.Variables.ToList();
        var right = BindTableReference(j.Right, scope);
        var rightVars = scope.Variables.Skip(leftVars.Count).ToList();
        var cx = new ExprContext(scope, false, "JOIN conditions");
        BoundExpr? condition = null;
        var usingColumns = j.UsingColumns;
        if (j.Natural)
        {
            var leftNames = leftVars.SelectMany(v => v.ColumnNames.Where((_, i) => !v.HiddenForUnqualified.Contains(i))).ToHashSet();
            usingColumns = rightVars.SelectMany(v => v.ColumnNames).Where(leftNames.Contains).Distinct().ToList();
        }

        if (usingColumns.Count > 0)
        {
            var parts = new List<BoundExpr>();
            foreach (var column in usingColumns)
            {
                var l = FindIn(leftVars, column, scope.Level) ?? throw new SqlException(SqlStates.UndefinedColumn, $"column \"{column}\" specified in USING clause does not exist in left table");
                var r = FindIn(rightVars, column, scope.Level) ?? throw new SqlException(SqlStates.UndefinedColumn, $"column \"{column}\" specified in USING clause does not exist in right table");
                parts.Add(BindBinaryOperator(BinaryOperator.Equal, l.Column, r.Column));
                r.Variable.HiddenForUnqualified.Add(r.Column.Id.Ordinal);
            }

            condition = parts.Count == 1 ? parts[0] : new BoundLogical(true, [.. parts]);
        }
        else if (j.Condition is not null)
        {
            condition = BindCondition(j.Condition, cx);
        }

        var kind = j.Kind == JoinKind.Inner && condition is null ? JoinKind.Cross : j.Kind;
        return new BoundJoin(kind, left, right, condition);
    }

    private (RangeVariable Variable, BoundColumn Column)? FindIn(List<RangeVariable> variables, string column, int level)
    {
        foreach (var v in variables)
        {
            var i = v.FindColumn(column);
            if (i >= 0 && !v.HiddenForUnqualified.Contains(i))
            {
                return (v, new BoundColumn(new ColumnId(v.SourceId, i), -1, v.ColumnTypes[i], column) with { Level = level });
            }
        }

        return null;
    }
}
