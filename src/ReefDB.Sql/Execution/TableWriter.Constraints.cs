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

        var width = parts.Length;
        foreach (var e in indexes[index.Index.Name].Entries.Range(RowKey.Before(parts), RowKey.After(parts)))
        {
            var other = e.Key.Values[width..];
            if (self is not null && new Planning.Nodes.RowEqualityComparer(self.Length).Equals(self, other))
            {
                continue;
            }

            throw Duplicate(index.Index.Name, index.Index.Keys.Select(k => k.IsColumn ? Table.Columns[k.Column].Name : "expr"), parts);
        }
    }

    private static SqlException Duplicate(string constraint, IEnumerable<string> columns, SqlValue[] values) => new(
        SqlStates.UniqueViolation,
        $"duplicate key value violates unique constraint \"{constraint}\"",
        null)
    {
        Data = { ["detail"] = string.Create(CultureInfo.InvariantCulture, $"Key ({string.Join(", ", columns)})=({string.Join(", ", values.Select(v => v.FormatText() ?? "null"))}) already exists.") },
    };

    private void AddEntry(string index, SqlValue[] parts, SqlValue[] storageKey)
    {
        var (entries, distinct) = indexes[index];
        if (parts.Length > 0 && !HasLeading(entries, parts[0]))
        {
            distinct++;
        }

        entries.Set(new RowKey([.. parts, .. storageKey]), []);
        indexes[index] = (entries, distinct);
    }

    private void RemoveEntry(string index, SqlValue[] parts, SqlValue[] storageKey)
    {
        var (entries, distinct) = indexes[index];
        entries.Remove(new RowKey([.. parts, .. storageKey]));
        if (parts.Length > 0 && !HasLeading(entries, parts[0]))
        {
            distinct--;
        }

        indexes[index] = (entries, distinct);
    }

    private static bool HasLeading(RowTree.Builder entries, SqlValue leading)
    {
        SqlValue[] prefix = [leading];
        return entries.Range(RowKey.Before(prefix), RowKey.After(prefix)).Any();
    }
}
