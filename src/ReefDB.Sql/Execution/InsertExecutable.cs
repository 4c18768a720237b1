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
        var ws = new WriteSet(version, new Planner(version), new(StringComparer.Ordinal) { [table.Name] = runtime });
        var writer = ws.Writer(table.Name);
        var returned = returning is null ? null : new List<SqlValue[]>();
        long count = 0;
        var hasFks = table.ForeignKeys.Length > 0;
        foreach (var input in Inputs(ctx))
        {
            var row = new SqlValue[table.RowWidth];
            var assigned = new bool[table.Columns.Length];
            for (var i = 0; i < targets.Length; i++)
            {
                if (input[i] is { } v)
                {
                    row[targets[i]] = v;
                    assigned[targets[i]] = true;
                }
            }

            for (var c = 0; c < assigned.Length; c++)
            {
                if (!assigned[c] && runtime.Defaults[c] is { } d)
                {
                    row[c] = d([], ctx);
                }
            }

            SqlValue[]? stored;
            if (conflict is not null && FindConflict(writer, row, ctx) is { } existing)
            {
                stored = conflict.DoUpdate ? UpdateExisting(ws, writer, existing, row, ctx) : null;
            }
            else
            {
                if (hasFks)
                {
                    ForeignKeys.CheckParentExists(ws, table, row);
                }

                stored = writer.Insert(row, ctx);
            }

            if (stored is null)
            {
                continue;
            }

            count++;
            if (returned is not null)
            {
                returned.Add(returning!.Select(r => r(stored, ctx)).ToArray());
            }
        }

        var tag = string.Create(CultureInfo.InvariantCulture, $"INSERT 0 {count}");
        return (new StatementResult(tag, returningColumns, returned, count), ws.Commit());
    }

    /// <summary>Input rows: one value per target column, null meaning DEFAULT.</summary>
    private IEnumerable<SqlValue?[]> Inputs(ExecContext ctx)
    {
        if (values is not null)
        {
            foreach (var r in values)
            {
                var row = new SqlValue?[r.Length];
                for (var i = 0; i < r.Length; i++)
                {
                    row[i] = r[i] is { } e ? e([], ctx) : null;
                }

                yield return row;
            }

            yield break;
        }

        // INSERT … SELECT reads the statement's snapshot; materialized first so it never sees its own rows.
        foreach (var r in source!.Execute(ctx).ToList())
        {
            yield return r.Select(v => (SqlValue?)v).ToArray();
        }
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
