namespace ReefDB.Sql.Syntax;

/// <summary>Statements.</summary>
internal sealed partial class SqlFormatter
{
    private void WriteStatement(Statement statement)
    {
        switch (statement)
        {
            case SelectStatement select:
                WriteQuery(select.Query);
                break;
            case InsertStatement insert:
                WriteInsert(insert);
                break;
            case UpdateStatement update:
                WriteUpdate(update);
                break;
            case DeleteStatement delete:
                WriteDelete(delete);
                break;
            case CreateTableStatement create:
                WriteCreateTable(create);
                break;
            case CreateIndexStatement index:
                WriteCreateIndex(index);
                break;
            case CreateViewStatement view:
                Append(view.OrReplace ? "CREATE OR REPLACE VIEW " : "CREATE VIEW ");
                WriteObjectName(view.Name);
                if (view.Columns.Count > 0)
                {
                    Append(" ");
                    WriteNames(view.Columns);
                }

                Append(" AS ");
                WriteQuery(view.Query);
                break;
            case DropTableStatement drop:
                WriteDrop("TABLE", drop.Names, drop.IfExists, drop.Behavior);
                break;
            case DropIndexStatement drop:
                WriteDrop("INDEX", drop.Names, drop.IfExists, drop.Behavior);
                break;
            case DropViewStatement drop:
                WriteDrop("VIEW", drop.Names, drop.IfExists, drop.Behavior);
                break;
            case AlterTableStatement alter:
                Append(alter.IfExists ? "ALTER TABLE IF EXISTS " : "ALTER TABLE ");
                WriteObjectName(alter.Table);
                Append(" ");
                WriteList(alter.Actions, WriteAlterAction);
                break;
            case BeginStatement:
                Append("BEGIN");
                break;
            case CommitStatement:
                Append("COMMIT");
                break;
            case RollbackStatement:
                Append("ROLLBACK");
                break;
            case SavepointStatement savepoint:
                Append("SAVEPOINT ").Name(savepoint.Name);
                break;
            case RollbackToSavepointStatement rollbackTo:
                Append("ROLLBACK TO SAVEPOINT ").Name(rollbackTo.Name);
                break;
            case ReleaseSavepointStatement release:
                Append("RELEASE SAVEPOINT ").Name(release.Name);
                break;
            case ExplainStatement explain:
                Append("EXPLAIN ").Append(explain.Analyze ? "ANALYZE " : "").Append(explain.Verbose ? "VERBOSE " : "");
                WriteStatement(explain.Statement);
                break;
            case SetStatement set:
                Append(set.Local ? "SET LOCAL " : "SET ").Append(set.Name).Append(" = ");
                if (set.Values.Count == 0)
                {
                    Append("DEFAULT");
                }

                WriteList(set.Values, WriteExpression);
                break;
            case ShowStatement show:
                Append("SHOW ").Append(show.Name);
                break;
        }
    }

    private void WriteReturning(IReadOnlyList<SelectItem> returning)
    {
        WriteClause(" RETURNING ", returning, WriteSelectItem);
    }

    private void WriteSetClauses(IReadOnlyList<SetClause> clauses) =>
        WriteList(clauses, clause =>
        {
            Name(clause.Column).Append(" = ");
            WriteExpression(clause.Value);
        });

    private void WriteInsert(InsertStatement insert)
    {
        if (insert.With is not null)
        {
            WriteWith(insert.With);
        }

        Append("INSERT INTO ");
        WriteObjectName(insert.Table);
        if (insert.Alias is not null)
        {
            Append(" AS ").Name(insert.Alias);
        }

        if (insert.Columns.Count > 0)
        {
            Append(" ");
            WriteNames(insert.Columns);
        }

        Append(" ");
        if (insert.Source is null)
        {
            Append("DEFAULT VALUES");
        }
        else
        {
            WriteQuery(insert.Source);
        }

        if (insert.OnConflict is { } conflict)
        {
            Append(" ON CONFLICT");
            if (conflict.TargetColumns.Count > 0)
            {
                Append(" ");
                WriteNames(conflict.TargetColumns);
            }
            else if (conflict.ConstraintName is not null)
            {
                Append(" ON CONSTRAINT ").Name(conflict.ConstraintName);
            }

            if (conflict.Action == OnConflictAction.DoNothing)
            {
                Append(" DO NOTHING");
            }
            else
            {
                Append(" DO UPDATE SET ");
                WriteSetClauses(conflict.Set);
                WriteClause(" WHERE ", conflict.Where);
            }
        }

        WriteReturning(insert.Returning);
    }

    private void WriteUpdate(UpdateStatement update)
    {
        if (update.With is not null)
        {
            WriteWith(update.With);
        }

        Append("UPDATE ");
        WriteObjectName(update.Table);
        if (update.Alias is not null)
        {
            Append(" AS ").Name(update.Alias);
        }

        Append(" SET ");
        WriteSetClauses(update.Set);
        WriteClause(" FROM ", update.From, WriteTableReference);
        WriteClause(" WHERE ", update.Where);

        WriteReturning(update.Returning);
    }

    private void WriteDelete(DeleteStatement delete)
    {
        if (delete.With is not null)
        {
            WriteWith(delete.With);
        }

        Append("DELETE FROM ");
        WriteObjectName(delete.Table);
        if (delete.Alias is not null)
        {
            Append(" AS ").Name(delete.Alias);
        }

        WriteClause(" USING ", delete.Using, WriteTableReference);
        WriteClause(" WHERE ", delete.Where);

        WriteReturning(delete.Returning);
    }

    private void WriteDrop(string kind, IReadOnlyList<ObjectName> names, bool ifExists, DropBehavior behavior)
    {
        Append("DROP ").Append(kind).Append(ifExists ? " IF EXISTS " : " ");
        WriteList(names, WriteObjectName);
        if (behavior == DropBehavior.Cascade)
        {
            Append(" CASCADE");
        }
    }
}
