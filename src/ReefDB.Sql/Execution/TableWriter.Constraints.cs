using System.Globalization;
using ReefDB.Sql.Errors;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Execution;

internal sealed partial class TableWriter
{
    private void CheckRow(SqlValue[] row, ExecContext ctx)
    {
        var columns = Table.Columns;
        for (var i = 0; i < columns.Length; i++)
        {
            if (columns[i].NotNull && row[i].IsNull)
            {
                throw new SqlException(
                    SqlStates.NotNullViolation,
                    $"null value in column \"{columns[i].Name}\" of relation \"{Table.Name}\" violates not-null constraint");
            }
        }

        foreach (var (name, check) in Runtime.Checks)
        {
            if (check(row, ctx) is { IsNull: false } v && !v.AsBoolean)
            {
                throw new SqlException(
                    SqlStates.CheckViolation,
                    $"new row for relation \"{Table.Name}\" violates check constraint \"{name}\"");
            }
        }
    }

    /// <summary>A unique index rejects equal keys without NULLs; <paramref name="self"/> is the row's own key on update.</summary>
    private void CheckUnique(IndexRuntime index, SqlValue[] parts, SqlValue[]? self)
    {
        if (!index.Index.Unique || parts.Any(p => p.IsNull))
        {
            return;
        }

        // Such entries are keyed by their parts alone (see EntryKey), so an exact lookup finds the conflict.
        if (indexes![index.Index.Name].Entries.TryGet(new RowKey(parts), out var other) &&
            (self is null || !new Planning.Nodes.RowEqualityComparer(self.Length).Equals(self, other)))
        {
            throw Duplicate(index.Index.Name, index.Index.Keys.Select(k => k.IsColumn ? Table.Columns[k.Column].Name : "expr"), parts);
        }
    }

    /// <summary>
    /// The tree key of an index entry (its value is always the row's storage key): the key parts alone for
    /// a unique index without NULL parts, which makes uniqueness an exact lookup, else the parts followed by
    /// the storage key, which keeps equal parts apart.
    /// </summary>
    public static RowKey EntryKey(Catalog.IndexDef index, SqlValue[] parts, SqlValue[] storageKey) =>
        index.Unique && !parts.Any(p => p.IsNull) ? new RowKey(parts) : new RowKey([.. parts, .. storageKey]);

    private static SqlException Duplicate(string constraint, IEnumerable<string> columns, SqlValue[] values) => new(
        SqlStates.UniqueViolation,
        $"duplicate key value violates unique constraint \"{constraint}\"",
        null)
    {
        Data = { ["detail"] = string.Create(CultureInfo.InvariantCulture, $"Key ({string.Join(", ", columns)})=({string.Join(", ", values.Select(v => v.FormatText() ?? "null"))}) already exists.") },
    };

    private void AddEntry(IndexRuntime index, SqlValue[] parts, SqlValue[] storageKey)
    {
        var (entries, distinct) = indexes![index.Index.Name];
        if (index.Index.IsGin)
        {
            // A GIN index's leading part is the lexeme: its distinct count is the number of lexemes indexed.
            indexes[index.Index.Name] = (entries, distinct + GinEntries.Add(entries, parts[0], storageKey));
            gin![index.Index.Name] = GinEntries.Count(gin[index.Index.Name], parts[0], 1);
            return;
        }

        // The distinct count of the leading key part (a planner statistic) grows with a value new to the tree.
        if (parts.Length > 0 && !HasLeadingValue(entries, parts[0]))
        {
            indexes[index.Index.Name] = (entries, distinct + 1);
        }

        entries.Set(EntryKey(index.Index, parts, storageKey), storageKey);
    }

    private void RemoveEntry(IndexRuntime index, SqlValue[] parts, SqlValue[] storageKey)
    {
        var (entries, distinct) = indexes![index.Index.Name];
        if (index.Index.IsGin)
        {
            indexes[index.Index.Name] = (entries, Math.Max(0, distinct - GinEntries.Remove(entries, parts[0], storageKey)));
            gin![index.Index.Name] = GinEntries.Count(gin[index.Index.Name], parts[0], -1);
            return;
        }

        if (entries.Remove(EntryKey(index.Index, parts, storageKey)) && parts.Length > 0 && !HasLeadingValue(entries, parts[0]))
        {
            indexes[index.Index.Name] = (entries, Math.Max(0, distinct - 1));
        }
    }

    private static bool HasLeadingValue(RowTree.Builder entries, SqlValue leading) =>
        entries.Range(RowKey.Before([leading]), RowKey.After([leading])).Any();
}
