using System.Globalization;
using ReefDB.Sql.Catalog;
using ReefDB.Sql.Planning;
using ReefDB.Sql.Planning.Nodes;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Execution;

/// <summary>ON CONFLICT handling of an INSERT: which unique indexes arbitrate, and DO NOTHING or DO UPDATE.</summary>
internal sealed record ConflictAction(
    IReadOnlyList<IndexDef> Arbiters,
    bool DoUpdate,
    (int Column, Evaluator Value)[] Set,
    Func<SqlValue[], ExecContext, bool>? Where);

/// <summary>
/// INSERT: builds each new row from the target columns (others take their defaults), then stores it
/// with all constraints checked, or applies ON CONFLICT; RETURNING is computed from the stored row.
/// </summary>
internal sealed class InsertExecutable : Executable
{
    private const string OneRowTag = "INSERT 0 1";
    private readonly TableRuntime runtime;
    private readonly int[] targets;
    private readonly Evaluator?[][]? values;
    private readonly PlanNode? source;
    private readonly ConflictAction? conflict;
    private readonly Evaluator[]? returning;
    private readonly IReadOnlyList<ResultColumn>? returningColumns;

    public InsertExecutable(TableRuntime runtime, int[] targets, Evaluator?[][]? values, PlanNode? source, ConflictAction? conflict,
        Evaluator[]? returning, IReadOnlyList<ResultColumn>? returningColumns)
    {
        this.runtime = runtime;
        this.targets = targets;
        this.values = values;
        this.source = source;
        this.conflict = conflict;
        this.returning = returning;
        this.returningColumns = returningColumns;
    }

    public override (StatementResult, DatabaseVersion) Execute(DatabaseVersion version, ExecContext ctx)
    {
        ctx.Version = version;
        var table = runtime.Table;
        var ws = new WriteSet(version, runtime);
        var writer = ws.Writer(table.Name);
        var returned = returning is null ? null : new List<SqlValue[]>();
        long count = 0;
        if (values is not null)
        {
            // Which columns a row assigns: on the stack for ordinary widths, as a single-row INSERT is the hot path.
            var columns = table.Columns.Length;
            var assigned = columns <= 256 ? stackalloc bool[columns] : new bool[columns];
            foreach (var r in values)
            {
                // One value per target column, null meaning DEFAULT.
                var row = new SqlValue[table.RowWidth];
                assigned.Clear();
                for (var i = 0; i < targets.Length; i++)
                {
                    if (r[i] is { } e)
                    {
                        row[targets[i]] = e([], ctx);
                        assigned[targets[i]] = true;
                    }
                }

                FillDefaults(row, assigned, ctx);
                count += Store(ws, writer, row, returned, ctx);
            }
        }
        else
        {
            // INSERT … SELECT reads the statement's snapshot; materialized first so it never sees its own
            // rows, and so that every source expression is evaluated before any column default.
            var rows = source!.Execute(ctx).ToList();
            var sharesRows = SharesSourceRows();
            foreach (var input in rows)
            {
                SqlValue[] row;
                if (sharesRows && input.Length == table.RowWidth)
                {
                    // Rows are immutable once produced, so the source row can be stored as it is.
                    row = input;
                }
                else
                {
                    row = new SqlValue[table.RowWidth];
                    for (var i = 0; i < targets.Length; i++)
                    {
                        row[targets[i]] = input[i];
                    }

                    FillDefaults(row, ctx);
                }

                count += Store(ws, writer, row, returned, ctx);
            }
        }

        var tag = count == 1 ? OneRowTag : string.Create(CultureInfo.InvariantCulture, $"INSERT 0 {count}");
        return (new StatementResult(tag, returningColumns, returned, count), ws.Commit());
    }

    /// <summary>
    /// True when the target columns are all the table's columns in table order and the row has no hidden
    /// row id, so a source row already is the row to store and needs no copy.
    /// </summary>
    private bool SharesSourceRows()
    {
        if (targets.Length != runtime.Table.RowWidth)
        {
            return false;
        }

        for (var i = 0; i < targets.Length; i++)
        {
            if (targets[i] != i)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Evaluates the defaults of the columns not assigned.</summary>
    private void FillDefaults(SqlValue[] row, ReadOnlySpan<bool> assigned, ExecContext ctx)
    {
        var defaults = runtime.Defaults;
        for (var c = 0; c < defaults.Length; c++)
        {
            if (defaults[c] is { } d && !assigned[c])
            {
                row[c] = d([], ctx);
            }
        }
    }

    /// <summary>Evaluates the defaults of the columns that are not targets.</summary>
    private void FillDefaults(SqlValue[] row, ExecContext ctx)
    {
        var defaults = runtime.Defaults;
        for (var c = 0; c < defaults.Length; c++)
        {
            if (defaults[c] is { } d && Array.IndexOf(targets, c) < 0)
            {
                row[c] = d([], ctx);
            }
        }
    }

    /// <summary>Stores a new row (or applies ON CONFLICT); returns 1 when a row was inserted or updated.</summary>
    private int Store(WriteSet ws, TableWriter writer, SqlValue[] row, List<SqlValue[]>? returned, ExecContext ctx)
    {
        SqlValue[]? stored;
        if (conflict is not null && FindConflict(writer, row, ctx) is { } existing)
        {
            stored = conflict.DoUpdate ? UpdateExisting(ws, writer, existing, row, ctx) : null;
        }
        else
        {
            if (runtime.Table.ForeignKeys.Length > 0)
            {
                ForeignKeys.CheckParentExists(ws, runtime.Table, row);
            }

            stored = writer.Insert(row, ctx);
        }

        if (stored is null)
        {
            return 0;
        }

        if (returned is not null)
        {
            var output = new SqlValue[returning!.Length];
            for (var i = 0; i < output.Length; i++)
            {
                output[i] = returning[i](stored, ctx);
            }

            returned.Add(output);
        }

        return 1;
    }

    private SqlValue[]? FindConflict(TableWriter writer, SqlValue[] row, ExecContext ctx)
    {
        foreach (var index in conflict!.Arbiters)
        {
            if (!index.IsColumnIndex)
            {
                continue;
            }

            var key = index.Keys.Select(k => row[k.Column]).ToArray();
            if (key.Any(k => k.IsNull))
            {
                continue;
            }

            var existing = writer.RowsByIndexPrefix(index, key).FirstOrDefault();
            if (existing is not null)
            {
                return existing;
            }
        }

        return null;
    }

    private SqlValue[]? UpdateExisting(WriteSet ws, TableWriter writer, SqlValue[] existing, SqlValue[] proposed, ExecContext ctx)
    {
        // DO UPDATE expressions see the existing row followed by the proposed one (EXCLUDED).
        var combined = new SqlValue[existing.Length + proposed.Length];
        existing.CopyTo(combined, 0);
        proposed.CopyTo(combined, existing.Length);
        if (conflict!.Where is { } where && !where(combined, ctx))
        {
            return null;
        }

        var updated = (SqlValue[])existing.Clone();
        foreach (var (column, value) in conflict.Set)
        {
            updated[column] = value(combined, ctx);
        }

        if (runtime.Table.ForeignKeys.Length > 0)
        {
            ForeignKeys.CheckParentExists(ws, runtime.Table, updated);
        }

        writer.Update(existing, updated, ctx);
        return updated;
    }
}
