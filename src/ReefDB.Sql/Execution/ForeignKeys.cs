using ReefDB.Sql.Catalog;
using ReefDB.Sql.Errors;
using ReefDB.Sql.Syntax;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Execution;

/// <summary>
/// Foreign key enforcement on the writes of one statement: a referencing row needs its referenced row
/// (MATCH SIMPLE: a NULL in the key skips the check), and deleting or re-keying a referenced row applies
/// the key's ON DELETE action to its referencing rows (RESTRICT/NO ACTION refuse with 23503).
/// </summary>
internal static class ForeignKeys
{
    public static void CheckParentExists(WriteSet ws, TableDef table, SqlValue[] row)
    {
        foreach (var fk in table.ForeignKeys)
        {
            var values = fk.Columns.Select(c => row[c]).ToArray();
            if (values.Any(v => v.IsNull))
            {
                continue;
            }

            var parent = ws.Writer(fk.ReferencedTable);
            var found = ParentIndex(ws.Version.Catalog, fk) is { } index
                ? parent.RowsByIndexPrefix(index, values).Any()
                : parent.AllRows().Any(r => Matches(r, fk.ReferencedColumns, values));
            if (!found)
            {
                throw new SqlException(
                    SqlStates.ForeignKeyViolation,
                    $"insert or update on table \"{table.Name}\" violates foreign key constraint \"{fk.Name}\"");
            }
        }
    }

    /// <summary>Applies ON DELETE actions of keys that reference <paramref name="table"/> to the children of a removed row.</summary>
    public static void OnParentRemoved(WriteSet ws, TableDef table, SqlValue[] row, ExecContext ctx, int depth = 0)
    {
        if (depth > 100)
        {
            throw new SqlException(SqlStates.StatementTooComplex, "foreign key cascade is too deep");
        }

        foreach (var (owner, fk) in ws.Version.Catalog.ReferencesTo(table.Name))
        {
            var values = fk.ReferencedColumns.Select(c => row[c]).ToArray();
            if (values.Any(v => v.IsNull))
            {
                continue;
            }

            if (ReferenceKeyStillExists(ws, table, fk, values))
            {
                continue;
            }

            var child = ws.Writer(owner.Name);
            // A scan of the child per removed parent row: counted, so that a large cascade stays within the statement's work.
            var children = child.AllRows().Where(r =>
            {
                ctx.Examine();
                return Matches(r, fk.Columns, values);
            }).ToList();
            if (children.Count == 0)
            {
                continue;
            }

            switch (fk.OnDelete)
            {
                case ReferentialAction.Cascade:
                    foreach (var c in children)
                    {
                        child.Delete(c, ctx);
                        OnParentRemoved(ws, owner, c, ctx, depth + 1);
                    }

                    break;
                case ReferentialAction.SetNull or ReferentialAction.SetDefault:
                    foreach (var c in children)
                    {
                        var updated = (SqlValue[])c.Clone();
                        foreach (var col in fk.Columns)
                        {
                            updated[col] = fk.OnDelete == ReferentialAction.SetDefault && child.Runtime.Defaults[col] is { } d
                                ? d([], ctx)
                                : SqlValue.Null;
                        }

                        child.Update(c, updated, ctx);
                    }

                    break;
                default:
                    throw new SqlException(
                        SqlStates.ForeignKeyViolation,
                        $"update or delete on table \"{table.Name}\" violates foreign key constraint \"{fk.Name}\" on table \"{owner.Name}\"");
            }
        }
    }

    private static bool ReferenceKeyStillExists(WriteSet ws, TableDef table, ForeignKeyDef fk, SqlValue[] values)
    {
        var writer = ws.Writer(table.Name);
        return ParentIndex(ws.Version.Catalog, fk) is { } index
            ? writer.RowsByIndexPrefix(index, values).Any()
            : writer.AllRows().Any(r => Matches(r, fk.ReferencedColumns, values));
    }

    private static IndexDef? ParentIndex(DatabaseCatalog catalog, ForeignKeyDef fk) =>
        catalog.IndexesOf(fk.ReferencedTable).FirstOrDefault(i =>
            i.IsColumnIndex && i.Keys.Length == fk.ReferencedColumns.Length &&
            i.Keys.Select(k => k.Column).SequenceEqual(fk.ReferencedColumns));

    private static bool Matches(SqlValue[] row, IReadOnlyList<int> columns, SqlValue[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (row[columns[i]].IsNull || SqlValue.Compare(row[columns[i]], values[i]) != 0)
            {
                return false;
            }
        }

        return true;
    }
}
