namespace ReefDB.Sql.Syntax;

/// <summary>Table, column and index definitions.</summary>
internal sealed partial class SqlFormatter
{
    private void WriteCreateTable(CreateTableStatement create)
    {
        Append(create.IfNotExists ? "CREATE TABLE IF NOT EXISTS " : "CREATE TABLE ");
        WriteObjectName(create.Name);
        Append(" (");
        WriteList(create.Columns, WriteColumnDefinition);
        if (create.Columns.Count > 0 && create.Constraints.Count > 0)
        {
            Append(", ");
        }

        WriteList(create.Constraints, WriteTableConstraint);
        Append(")");
    }

    private void WriteColumnDefinition(ColumnDefinition column)
    {
        Name(column.Name).Append(" ");
        WriteType(column.Type);
        foreach (var constraint in column.Constraints)
        {
            Append(" ");
            if (constraint.Name is not null)
            {
                Append("CONSTRAINT ").Name(constraint.Name).Append(" ");
            }

            switch (constraint)
            {
                case NotNullColumnConstraint:
                    Append("NOT NULL");
                    break;
                case NullColumnConstraint:
                    Append("NULL");
                    break;
                case PrimaryKeyColumnConstraint:
                    Append("PRIMARY KEY");
                    break;
                case UniqueColumnConstraint:
                    Append("UNIQUE");
                    break;
                case DefaultColumnConstraint value:
                    Append("DEFAULT ");
                    WriteExpression(value.Value);
                    break;
                case CheckColumnConstraint check:
                    Append("CHECK (");
                    WriteExpression(check.Condition);
                    Append(")");
                    break;
                case ReferencesColumnConstraint references:
                    WriteReference(references.Reference);
                    break;
            }
        }
    }

    private void WriteTableConstraint(TableConstraint constraint)
    {
        if (constraint.Name is not null)
        {
            Append("CONSTRAINT ").Name(constraint.Name).Append(" ");
        }

        switch (constraint)
        {
            case PrimaryKeyTableConstraint primaryKey:
                Append("PRIMARY KEY ");
                WriteNames(primaryKey.Columns);
                break;
            case UniqueTableConstraint unique:
                Append("UNIQUE ");
                WriteNames(unique.Columns);
                break;
            case CheckTableConstraint check:
                Append("CHECK (");
                WriteExpression(check.Condition);
                Append(")");
                break;
            case ForeignKeyTableConstraint foreignKey:
                Append("FOREIGN KEY ");
                WriteNames(foreignKey.Columns);
                Append(" ");
                WriteReference(foreignKey.Reference);
                break;
        }
    }

    private void WriteReference(ForeignKeyReference reference)
    {
        Append("REFERENCES ");
        WriteObjectName(reference.Table);
        if (reference.Columns.Count > 0)
        {
            Append(" ");
            WriteNames(reference.Columns);
        }

        if (reference.OnDelete != ReferentialAction.NoAction)
        {
            Append(" ON DELETE ").Append(ActionKeywords(reference.OnDelete));
        }

        if (reference.OnUpdate != ReferentialAction.NoAction)
        {
            Append(" ON UPDATE ").Append(ActionKeywords(reference.OnUpdate));
        }
    }

    private static string ActionKeywords(ReferentialAction action) => action switch
    {
        ReferentialAction.Restrict => "RESTRICT",
        ReferentialAction.Cascade => "CASCADE",
        ReferentialAction.SetNull => "SET NULL",
        ReferentialAction.SetDefault => "SET DEFAULT",
        _ => "NO ACTION",
    };

    private void WriteCreateIndex(CreateIndexStatement index)
    {
        Append(index.Unique ? "CREATE UNIQUE INDEX " : "CREATE INDEX ");
        if (index.IfNotExists)
        {
            Append("IF NOT EXISTS ");
        }

        if (index.Name is not null)
        {
            Name(index.Name).Append(" ");
        }

        Append("ON ");
        WriteObjectName(index.Table);
        if (index.Method is not null)
        {
            Append(" USING ").Name(index.Method);
        }

        Append(" (");
        WriteList(index.Elements, element =>
        {
            if (element.Expression is ColumnReference { Table: null } column)
            {
                Name(column.Column);
            }
            else
            {
                Append("(");
                WriteExpression(element.Expression);
                Append(")");
            }

            WriteSortOptions(element.Direction, element.Nulls);
        });
        Append(")");
        WriteClause(" WHERE ", index.Where);
    }

    private void WriteAlterAction(AlterTableAction action)
    {
        switch (action)
        {
            case AddColumnAction add:
                Append(add.IfNotExists ? "ADD COLUMN IF NOT EXISTS " : "ADD COLUMN ");
                WriteColumnDefinition(add.Column);
                break;
            case DropColumnAction drop:
                Append(drop.IfExists ? "DROP COLUMN IF EXISTS " : "DROP COLUMN ").Name(drop.Column);
                if (drop.Behavior == DropBehavior.Cascade)
                {
                    Append(" CASCADE");
                }

                break;
            case RenameColumnAction rename:
                Append("RENAME COLUMN ").Name(rename.OldName).Append(" TO ").Name(rename.NewName);
                break;
            case RenameTableAction renameTable:
                Append("RENAME TO ").Name(renameTable.NewName);
                break;
            case AddConstraintAction addConstraint:
                Append("ADD ");
                WriteTableConstraint(addConstraint.Constraint);
                break;
        }
    }
}
